#pragma once

#include "common/Problem.h"

#include <optional>
#include <utility>

namespace mlaprep {

// A value or the problems that prevented it (GCC 12 has no std::expected). A Result may carry warnings
// alongside a value; it holds no value only when something was an error.
template <typename T> class Result {
public:
    Result(T value, Problems problems = {})
        : m_value(std::move(value))
        , m_problems(std::move(problems))
    {
    }

    static Result failure(Problems problems) { return Result(std::move(problems)); }

    static Result failure(Problem problem) { return Result(Problems { std::move(problem) }); }

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    T& value() { return *m_value; }
    const T& value() const { return *m_value; }
    T* operator->() { return &*m_value; }
    const T* operator->() const { return &*m_value; }

    const Problems& problems() const { return m_problems; }

    // First error message, for callers that show one line.
    std::string firstError() const
    {
        for (const auto& p : m_problems) {
            if (p.isError()) {
                return formatProblem(p);
            }
        }
        return {};
    }

private:
    explicit Result(Problems problems)
        : m_problems(std::move(problems))
    {
    }

    std::optional<T> m_value;
    Problems m_problems;
};

} // namespace mlaprep
