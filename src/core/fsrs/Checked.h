#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mlaprep::fsrs {

// What is wrong with an input to the model: the field ("params[20]", "reviews") and why. The model knows
// no files or item ids; callers that do turn these into core Problems with them.
struct InputProblem {
    std::string field;
    std::string message;
};

using InputProblems = std::vector<InputProblem>;

// A value or the input problems that prevented it: fsrs' own small error type, so that mlaprep_fsrs
// needs nothing outside fsrs/ and the standard library.
template <typename T> class Checked {
public:
    Checked(T value)
        : m_value(std::move(value))
    {
    }

    static Checked failure(InputProblems problems) { return Checked(std::move(problems)); }

    static Checked failure(InputProblem problem) { return Checked(InputProblems { std::move(problem) }); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    T& value() { return *m_value; }
    const T& value() const { return *m_value; }
    T* operator->() { return &*m_value; }
    const T* operator->() const { return &*m_value; }

    // Empty when ok().
    const InputProblems& problems() const { return m_problems; }

private:
    explicit Checked(InputProblems problems)
        : m_problems(std::move(problems))
    {
    }

    std::optional<T> m_value;
    InputProblems m_problems;
};

} // namespace mlaprep::fsrs
