#include "store/ErrorReportRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace mlaprep {

std::int64_t ErrorReportRepository::add(const ErrorReportRow& report)
{
    m_database
        .prepare("INSERT INTO error_reports (bundle_id, bundle_version, item_kind, item_id, reason, comment, "
                 "created_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, report.bundleId)
        .bind(2, report.bundleVersion)
        .bind(3, report.itemKind)
        .bind(4, report.itemId)
        .bind(5, report.reason)
        .bind(6, report.comment)
        .bind(7, report.createdMs)
        .run();
    return m_database.lastInsertRowId();
}

void ErrorReportRepository::remove(std::int64_t id)
{
    m_database.prepare("DELETE FROM error_reports WHERE id = ?1").bind(1, id).run();
}

std::vector<ErrorReportRow> ErrorReportRepository::all()
{
    std::vector<ErrorReportRow> rows;
    auto statement = m_database.prepare("SELECT id, bundle_id, bundle_version, item_kind, item_id, reason, "
                                        "comment, created_ms FROM error_reports ORDER BY created_ms, id");
    while (statement.step()) {
        rows.push_back(ErrorReportRow { statement.columnInt(0), statement.columnText(1), statement.columnText(2),
            statement.columnText(3), statement.columnText(4), statement.columnText(5), statement.columnText(6),
            statement.columnInt(7) });
    }
    return rows;
}

} // namespace mlaprep
