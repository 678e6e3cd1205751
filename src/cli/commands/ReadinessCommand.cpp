#include "Arguments.h"
#include "CliBundle.h"
#include "CliPaths.h"
#include "Commands.h"

#include "common/Clock.h"
#include "services/ProgressService.h"
#include "services/Store.h"
#include "session/AppSession.h"

#include <chrono>
#include <cstdio>
#include <iostream>

namespace mlaprep::cli {

namespace {

using Days = std::chrono::sys_days;

std::optional<Days> parseDate(const std::string& text)
{
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    char end = 0;
    if (text.size() != 10 || std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &year, &month, &day, &end) != 3) {
        return std::nullopt;
    }
    const std::chrono::year_month_day date { std::chrono::year(year), std::chrono::month(month),
        std::chrono::day(day) };
    if (!date.ok()) {
        return std::nullopt;
    }
    return Days(date);
}

std::string formatDate(Days days)
{
    const std::chrono::year_month_day date(days);
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
        static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
    return text;
}

// A clock standing at one instant: the end of the --at day.
class FixedClock final : public Clock {
public:
    explicit FixedClock(Instant at)
        : m_at(at)
    {
    }
    Instant now() const override { return m_at; }
    int utcOffsetMinutes(Instant) const override { return 0; }

private:
    Instant m_at;
};

} // namespace

int runReadiness(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments
        = Arguments::parse(words, { "--bundle", "--db", "--data-dir", "--at" }, { "--json" }, error);
    if (!arguments || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli readiness [--db FILE] [--at YYYY-MM-DD] [--json]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    Days day = std::chrono::floor<std::chrono::days>(SystemClock().now());
    if (const auto at = arguments->value("--at")) {
        const auto parsed = parseDate(*at);
        if (!parsed) {
            std::cerr << "error: --at takes a date as YYYY-MM-DD (got \"" << *at << "\")\n";
            return ExitUsage;
        }
        day = *parsed;
    }
    auto loaded = loadBundleForCommand(arguments->value("--bundle"));
    if (!loaded) {
        return ExitUserError;
    }
    auto store = Store::open(findDatabase(arguments->value("--db"), arguments->value("--data-dir")));
    if (!store) {
        std::cerr << formatProblem(store.problems().front()) << '\n';
        return ExitUserError;
    }
    // The history up to the end of that day (UTC), for a mock taken that day.
    const Instant until = Instant(std::chrono::duration_cast<std::chrono::milliseconds>(
                              (day + std::chrono::days(1)).time_since_epoch()))
        - std::chrono::milliseconds(1);
    const FixedClock clock(until);
    AppSession session(std::move(*loaded), store.value(), clock);
    auto readiness = session.progress().readinessAt(until);
    if (!readiness) {
        std::cerr << formatProblem(readiness.problems().front()) << '\n';
        return ExitUserError;
    }
    const analytics::Readiness& r = readiness.value();
    if (arguments->flag("--json")) {
        std::printf("{\"at\":\"%s\",\"estimate\":%d,\"low\":%d,\"high\":%d,\"interval\":%.2f,\"p_pass\":%.4f,"
                    "\"answers\":%d,\"seen_share\":%.4f,\"enough_data\":%s,\"by_domain\":{",
            formatDate(day).c_str(), r.scaled, r.scaledLow, r.scaledHigh, r.interval, r.passProbability,
            r.answers, r.seenShare, r.enoughData ? "true" : "false");
        for (std::size_t d = 0; d < r.domains.size(); ++d) {
            const auto& domain = r.domains[d];
            std::printf(
                "%s\"%s\":{\"expected\":%.4f,\"share\":%.4f,\"items\":%d,\"seen\":%d,\"first_attempts\":%d}",
                d == 0 ? "" : ",", domain.id.c_str(), domain.expected, domain.share, domain.items,
                domain.itemsSeen, domain.firstAttempts);
        }
        std::printf("}}\n");
        return ExitOk;
    }
    std::printf(
        "readiness on %s: %d (80 %% range %d-%d), P(pass) %.0f %%, %d answers, %.0f %% of a mock seen%s\n",
        formatDate(day).c_str(), r.scaled, r.scaledLow, r.scaledHigh, 100.0 * r.passProbability, r.answers,
        100.0 * r.seenShare, r.enoughData ? "" : (" (not enough data: " + r.reason + ")").c_str());
    return ExitOk;
}

} // namespace mlaprep::cli
