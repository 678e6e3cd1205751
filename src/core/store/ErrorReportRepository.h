#pragma once

#include "sync/Event.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

class Database;

struct ErrorReportRow {
    std::int64_t id = 0;
    std::string bundleId;
    std::string bundleVersion;
    std::string itemKind;
    std::string itemId;
    std::string reason;
    std::string comment;
    std::int64_t createdMs = 0;
    std::string uuid; // the id every device knows it by (its error-report event's)
};

// A report as its error-report event carries it (sync/Event.h), and back (nothing when the event is not
// one this version reads).
sync::Payload errorReportPayload(const ErrorReportRow& report);
std::optional<ErrorReportRow> errorReportFromEvent(const sync::Event& event);

// error_reports. Throws DbError.
class ErrorReportRepository {
public:
    explicit ErrorReportRepository(Database& database)
        : m_database(database)
    {
    }

    std::int64_t add(const ErrorReportRow& report);
    // The report with this row id, if there is one.
    std::optional<ErrorReportRow> find(std::int64_t id);
    bool contains(const std::string& uuid);
    void remove(const std::string& uuid);
    std::vector<ErrorReportRow> all();

private:
    Database& m_database;
};

} // namespace mlaprep
