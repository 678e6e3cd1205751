#include "store/RealExamResultRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace mlaprep {

namespace {

constexpr const char* Columns
    = "exam_date, scaled_score, passed, recorded_ms, forecast_estimate, forecast_low, forecast_high, "
      "forecast_interval, forecast_p_pass, forecast_enough_data, forecast_answers, forecast_seen_share";

RealExamResultRow rowOf(const Statement& statement)
{
    RealExamResultRow row;
    row.examDate = statement.columnText(0);
    if (!statement.columnIsNull(1)) {
        row.scaled = static_cast<int>(statement.columnInt(1));
    }
    row.passed = statement.columnInt(2) != 0;
    row.recordedMs = statement.columnInt(3);
    row.forecast.estimate = static_cast<int>(statement.columnInt(4));
    row.forecast.low = static_cast<int>(statement.columnInt(5));
    row.forecast.high = static_cast<int>(statement.columnInt(6));
    row.forecast.interval = statement.columnDouble(7);
    row.forecast.passProbability = statement.columnDouble(8);
    row.forecast.enoughData = statement.columnInt(9) != 0;
    row.forecast.answers = static_cast<int>(statement.columnInt(10));
    row.forecast.seenShare = statement.columnDouble(11);
    return row;
}

} // namespace

void RealExamResultRepository::record(const RealExamResultRow& result)
{
    auto statement = m_database.prepare(std::string("INSERT INTO real_exam_results (") + Columns
        + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT (exam_date) DO UPDATE "
          "SET "
          "scaled_score = excluded.scaled_score, passed = excluded.passed, recorded_ms = "
          "excluded.recorded_ms");
    statement.bind(1, result.examDate);
    if (result.scaled) {
        statement.bind(2, *result.scaled);
    } else {
        statement.bindNull(2);
    }
    statement.bind(3, result.passed ? 1 : 0)
        .bind(4, result.recordedMs)
        .bind(5, result.forecast.estimate)
        .bind(6, result.forecast.low)
        .bind(7, result.forecast.high)
        .bind(8, result.forecast.interval)
        .bind(9, result.forecast.passProbability)
        .bind(10, result.forecast.enoughData ? 1 : 0)
        .bind(11, result.forecast.answers)
        .bind(12, result.forecast.seenShare)
        .run();
}

std::optional<RealExamResultRow> RealExamResultRepository::find(const std::string& examDate)
{
    auto statement = m_database.prepare(
        std::string("SELECT ") + Columns + " FROM real_exam_results WHERE exam_date = ?1");
    statement.bind(1, examDate);
    if (!statement.step()) {
        return std::nullopt;
    }
    return rowOf(statement);
}

std::vector<RealExamResultRow> RealExamResultRepository::all()
{
    std::vector<RealExamResultRow> rows;
    auto statement
        = m_database.prepare(std::string("SELECT ") + Columns + " FROM real_exam_results ORDER BY exam_date");
    while (statement.step()) {
        rows.push_back(rowOf(statement));
    }
    return rows;
}

} // namespace mlaprep
