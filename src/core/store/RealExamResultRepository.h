#pragma once

#include "analytics/RealExamResult.h"

#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

class Database;

// real_exam_results. Throws DbError.
class RealExamResultRepository {
public:
    explicit RealExamResultRepository(Database& database)
        : m_database(database)
    {
    }

    // Adds the result of its date, or corrects the result of a date already recorded (its forecast stays).
    void record(const RealExamResultRow& result);
    std::optional<RealExamResultRow> find(const std::string& examDate);
    // Oldest exam first.
    std::vector<RealExamResultRow> all();

private:
    Database& m_database;
};

} // namespace mlaprep
