#include "store/ErrorReportRepository.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace mlaprep {

std::int64_t ErrorReportRepository::add(const ErrorReportRow& report)
{
    m_database
        .prepare("INSERT INTO error_reports (bundle_id, bundle_version, item_kind, item_id, reason, comment, "
                 "created_ms, uuid) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bind(1, report.bundleId)
        .bind(2, report.bundleVersion)
        .bind(3, report.itemKind)
        .bind(4, report.itemId)
        .bind(5, report.reason)
        .bind(6, report.comment)
        .bind(7, report.createdMs)
        .bind(8, report.uuid)
        .run();
    return m_database.lastInsertRowId();
}

namespace {

constexpr std::string_view Columns
    = "id, bundle_id, bundle_version, item_kind, item_id, reason, comment, created_ms, uuid";

ErrorReportRow rowFrom(const Statement& statement)
{
    return ErrorReportRow { statement.columnInt(0), statement.columnText(1), statement.columnText(2),
        statement.columnText(3), statement.columnText(4), statement.columnText(5), statement.columnText(6),
        statement.columnInt(7), statement.columnIsNull(8) ? std::string() : statement.columnText(8) };
}

} // namespace

std::optional<ErrorReportRow> ErrorReportRepository::find(std::int64_t id)
{
    auto statement
        = m_database.prepare("SELECT " + std::string(Columns) + " FROM error_reports WHERE id = ?1");
    statement.bind(1, id);
    if (!statement.step()) {
        return std::nullopt;
    }
    return rowFrom(statement);
}

bool ErrorReportRepository::contains(const std::string& uuid)
{
    auto statement = m_database.prepare("SELECT 1 FROM error_reports WHERE uuid = ?1");
    statement.bind(1, uuid);
    return statement.step();
}

void ErrorReportRepository::remove(const std::string& uuid)
{
    m_database.prepare("DELETE FROM error_reports WHERE uuid = ?1").bind(1, uuid).run();
}

std::vector<ErrorReportRow> ErrorReportRepository::all()
{
    std::vector<ErrorReportRow> rows;
    auto statement = m_database.prepare(
        "SELECT " + std::string(Columns) + " FROM error_reports ORDER BY created_ms, id");
    while (statement.step()) {
        rows.push_back(rowFrom(statement));
    }
    return rows;
}

sync::Payload errorReportPayload(const ErrorReportRow& report)
{
    sync::Payload payload;
    payload.set("at", report.createdMs)
        .set("bundle", report.bundleId)
        .set("version", report.bundleVersion)
        .set("reason", report.reason)
        .set("comment", report.comment);
    return payload;
}

std::optional<ErrorReportRow> errorReportFromEvent(const sync::Event& event)
{
    const auto payload = sync::Payload::decode(event.payload);
    const auto colon = event.itemId.find(':');
    const auto at = payload ? payload->getInteger("at") : std::nullopt;
    if (!at || colon == std::string::npos) {
        return std::nullopt;
    }
    return ErrorReportRow { 0, payload->get("bundle").value_or(""), payload->get("version").value_or(""),
        event.itemId.substr(0, colon), event.itemId.substr(colon + 1), payload->get("reason").value_or(""),
        payload->get("comment").value_or(""), *at, event.uuid };
}

} // namespace mlaprep
