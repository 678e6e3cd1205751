#include "store/SearchIndex.h"

#include "store/Database.h"
#include "store/Statement.h"

namespace mlaprep {

std::optional<std::string> SearchIndex::builtFrom(
    const std::string& bundleId, const std::string& bundleVersion)
{
    auto statement = m_database.prepare("SELECT fingerprint FROM search_index_source WHERE id = 1 AND "
                                        "bundle_id = ?1 AND bundle_version = ?2");
    statement.bind(1, bundleId).bind(2, bundleVersion);
    if (!statement.step()) {
        return std::nullopt;
    }
    return statement.columnText(0);
}

void SearchIndex::rebuild(const std::vector<SearchDocument>& documents, const std::string& bundleId,
    const std::string& bundleVersion, const std::string& fingerprint, long long builtMs)
{
    m_database.execute("DELETE FROM search_index");
    auto insert = m_database.prepare(
        "INSERT INTO search_index (kind, item_id, anchor, title, body) VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const auto& document : documents) {
        insert.bind(1, document.kind)
            .bind(2, document.itemId)
            .bind(3, document.anchor)
            .bind(4, document.title)
            .bind(5, document.body);
        insert.run();
        insert.reset();
    }
    m_database.execute("INSERT INTO search_index (search_index) VALUES ('optimize')");
    m_database
        .prepare("INSERT OR REPLACE INTO search_index_source (id, bundle_id, bundle_version, fingerprint, "
                 "built_ms) VALUES (1, ?1, ?2, ?3, ?4)")
        .bind(1, bundleId)
        .bind(2, bundleVersion)
        .bind(3, fingerprint)
        .bind(4, static_cast<std::int64_t>(builtMs))
        .run();
}

std::vector<SearchRow> SearchIndex::query(const std::string& match, int limit, const std::string& kind)
{
    auto statement = m_database.prepare(
        "SELECT kind, item_id, anchor, highlight(search_index, 3, char(2), char(3)), "
        "CASE kind WHEN 'note' THEN snippet(search_index, 4, char(2), char(3), '…', 14) ELSE '' END, "
        // bm25 is negative, lower is better; note sections get a boost over the many short cards.
        "bm25(search_index, 0, 0, 0, 5.0, 1.0) * (CASE kind WHEN 'note' THEN 2.0 ELSE 1.0 END) AS rank "
        "FROM search_index WHERE search_index MATCH ?1 AND (?3 = '' OR kind = ?3) ORDER BY rank LIMIT ?2");
    statement.bind(1, match).bind(2, limit).bind(3, kind);
    std::vector<SearchRow> rows;
    while (statement.step()) {
        rows.push_back(SearchRow { statement.columnText(0), statement.columnText(1), statement.columnText(2),
            statement.columnText(3), statement.columnText(4), statement.columnDouble(5) });
    }
    return rows;
}

int SearchIndex::count(const std::string& match, const std::string& kind)
{
    auto statement = m_database.prepare(
        "SELECT count(*) FROM search_index WHERE search_index MATCH ?1 AND (?2 = '' OR kind = ?2)");
    statement.bind(1, match).bind(2, kind);
    statement.step();
    return static_cast<int>(statement.columnInt(0));
}

} // namespace mlaprep
