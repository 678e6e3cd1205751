#include "fsrs/Gradient.h"

#include "fsrs/Formulas.h"

#include <cstdint>
#include <vector>

namespace mlaprep::fsrs {

namespace {

class Tape;

// A value on a tape (reverse-mode automatic differentiation): every operation records its operands
// and its partial derivatives, and one backward sweep over the record then gives the derivative of
// the loss with respect to every weight, at a small multiple of the cost of computing the loss.
// A double converts implicitly to a constant, which is what the formulas' literals are.
struct Var {
    Var() = default;
    Var(double constant) // NOLINT(google-explicit-constructor): literals in the formulas
        : value(constant)
    {
    }

    double value = 0.0;
    // Node 0 collects the (ignored) derivatives of constants, so operations need no branch.
    std::int32_t node = 0;
    Tape* tape = nullptr;
};

class Tape {
public:
    struct Entry {
        std::int32_t first;
        std::int32_t second;
        double dFirst;
        double dSecond;
    };

    Tape() { m_entries.push_back(Entry { 0, 0, 0.0, 0.0 }); }

    Var record(double value, std::int32_t first, double dFirst, std::int32_t second, double dSecond)
    {
        m_entries.push_back(Entry { first, second, dFirst, dSecond });
        Var result(value);
        result.node = static_cast<std::int32_t>(m_entries.size() - 1);
        result.tape = this;
        return result;
    }

    Var leaf(double value) { return record(value, 0, 0.0, 0, 0.0); }

    std::size_t size() const { return m_entries.size(); }

    // Forgets the nodes from `size` on, keeping the derivatives gathered in the others.
    void truncate(std::size_t size)
    {
        m_entries.resize(size);
        m_adjoint.resize(size);
    }

    // Adds `slope` times the derivative of `var` to the derivative being gathered.
    void seed(const Var& var, double slope)
    {
        m_adjoint.resize(m_entries.size(), 0.0);
        m_adjoint[static_cast<std::size_t>(var.node)] += slope;
    }

    // Pushes the derivatives gathered on nodes [from, size) back to their operands; nodes are recorded
    // after their operands, so one sweep from the end suffices.
    void sweep(std::size_t from)
    {
        m_adjoint.resize(m_entries.size(), 0.0);
        for (std::size_t i = m_entries.size(); i-- > from;) {
            const double adjoint = m_adjoint[i];
            const Entry& entry = m_entries[i];
            m_adjoint[static_cast<std::size_t>(entry.first)] += entry.dFirst * adjoint;
            m_adjoint[static_cast<std::size_t>(entry.second)] += entry.dSecond * adjoint;
            m_adjoint[i] = 0.0;
        }
    }

    double adjoint(const Var& var) const { return m_adjoint[static_cast<std::size_t>(var.node)]; }

private:
    std::vector<Entry> m_entries;
    std::vector<double> m_adjoint;
};

Var unary(double value, const Var& x, double dx)
{
    return x.tape ? x.tape->record(value, x.node, dx, 0, 0.0) : Var(value);
}

Var binary(double value, const Var& x, double dx, const Var& y, double dy)
{
    Tape* tape = x.tape ? x.tape : y.tape;
    return tape ? tape->record(value, x.node, dx, y.node, dy) : Var(value);
}

Var operator-(const Var& x)
{
    return unary(-x.value, x, -1.0);
}

Var operator+(const Var& x, const Var& y)
{
    return binary(x.value + y.value, x, 1.0, y, 1.0);
}

Var operator+(const Var& x, double y)
{
    return unary(x.value + y, x, 1.0);
}

Var operator+(double x, const Var& y)
{
    return unary(x + y.value, y, 1.0);
}

Var operator-(const Var& x, const Var& y)
{
    return binary(x.value - y.value, x, 1.0, y, -1.0);
}

Var operator-(const Var& x, double y)
{
    return unary(x.value - y, x, 1.0);
}

Var operator-(double x, const Var& y)
{
    return unary(x - y.value, y, -1.0);
}

Var operator*(const Var& x, const Var& y)
{
    return binary(x.value * y.value, x, y.value, y, x.value);
}

Var operator*(const Var& x, double y)
{
    return unary(x.value * y, x, y);
}

Var operator/(const Var& x, const Var& y)
{
    const double quotient = x.value / y.value;
    return binary(quotient, x, 1.0 / y.value, y, -quotient / y.value);
}

Var operator/(const Var& x, double y)
{
    return unary(x.value / y, x, 1.0 / y);
}

Var operator/(double x, const Var& y)
{
    const double quotient = x / y.value;
    return unary(quotient, y, -quotient / y.value);
}

Var exp(const Var& x)
{
    const double value = std::exp(x.value);
    return unary(value, x, value);
}

// Through exp and log, which the derivative needs anyway and which cost less than pow (the value may
// differ from std::pow's in the last bits).
Var pow(const Var& base, const Var& exponent)
{
    const double logBase = std::log(base.value);
    const double value = std::exp(exponent.value * logBase);
    return binary(value, base, exponent.value * value / base.value, exponent, value * logBase);
}

Var pow(double base, const Var& exponent)
{
    const double value = std::pow(base, exponent.value);
    return unary(value, exponent, value * std::log(base));
}

// A clamped value is a constant: its derivative is 0 where the clamp holds, as in fsrs-rs.
Var clampTo(const Var& x, double low, double high)
{
    if (x.value < low) {
        return Var(low);
    }
    if (high < x.value) {
        return Var(high);
    }
    return x;
}

// As std::min and std::max choose, so that values match the double formulas exactly.
Var smaller(const Var& a, const Var& b)
{
    return b.value < a.value ? b : a;
}

Var larger(const Var& a, double b)
{
    return a.value < b ? Var(b) : a;
}

double valueOf(const Var& x)
{
    return x.value;
}

// The weights as the tape's first nodes and the terms computed from them; each history is recorded
// after them and swept back into them, and one last sweep takes the terms back to the weights.
class GradientTape {
public:
    explicit GradientTape(const Parameters& parameters)
        : m_weights(leaves(m_tape, parameters))
        , m_terms(m_weights)
        , m_termsEnd(m_tape.size())
    {
    }

    void add(const ReviewHistory& history, LossGradient& total)
    {
        if (history.empty()) {
            return;
        }
        formulas::Step<Var> state = formulas::firstReview(m_terms, history.front().rating);
        for (std::size_t r = 1; r < history.size(); ++r) {
            const HistoryReview& review = history[r];
            state = formulas::laterReview(
                m_terms, state.stability, state.difficulty, review.elapsedDays, review.rating);
            if (review.elapsedDays <= 0) {
                continue;
            }
            const double predicted = state.retrievability.value;
            const bool recalled = review.rating != Rating::Again;
            total.lossSum += logLoss(predicted, recalled);
            ++total.predictions;
            // Where the probability floor holds, the loss does not move with the prediction.
            if (predicted > ProbabilityFloor && predicted < 1.0 - ProbabilityFloor) {
                m_tape.seed(state.retrievability, recalled ? -1.0 / predicted : 1.0 / (1.0 - predicted));
            }
        }
        m_tape.sweep(m_termsEnd);
        m_tape.truncate(m_termsEnd);
    }

    std::array<double, ParameterCount> gradient()
    {
        m_tape.sweep(static_cast<std::size_t>(m_weights.back().node) + 1);
        std::array<double, ParameterCount> result {};
        for (std::size_t i = 0; i < ParameterCount; ++i) {
            result[i] = m_tape.adjoint(m_weights[i]);
        }
        return result;
    }

private:
    static std::array<Var, ParameterCount> leaves(Tape& tape, const Parameters& parameters)
    {
        std::array<Var, ParameterCount> weights;
        for (std::size_t i = 0; i < ParameterCount; ++i) {
            weights[i] = tape.leaf(parameters[i]);
        }
        return weights;
    }

    Tape m_tape;
    std::array<Var, ParameterCount> m_weights;
    formulas::Terms<Var> m_terms;
    std::size_t m_termsEnd;
};

} // namespace

LossGradient logLossGradient(const Parameters& parameters, std::span<const ReviewHistory> histories)
{
    GradientTape tape(parameters);
    LossGradient total;
    for (const ReviewHistory& history : histories) {
        tape.add(history, total);
    }
    total.gradient = tape.gradient();
    return total;
}

LossGradient logLossGradient(const Parameters& parameters, std::span<const ReviewHistory> histories,
    std::span<const std::size_t> selected)
{
    GradientTape tape(parameters);
    LossGradient total;
    for (const std::size_t index : selected) {
        tape.add(histories[index], total);
    }
    total.gradient = tape.gradient();
    return total;
}

} // namespace mlaprep::fsrs
