#pragma once

#include <cstdint>
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
};

// error_reports. Throws DbError.
class ErrorReportRepository {
public:
    explicit ErrorReportRepository(Database& database)
        : m_database(database)
    {
    }

    std::int64_t add(const ErrorReportRow& report);
    void remove(std::int64_t id);
    std::vector<ErrorReportRow> all();

private:
    Database& m_database;
};

} // namespace mlaprep
