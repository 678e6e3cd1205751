#pragma once

#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

class Database;

// One searchable unit: a note section (kind "note", anchor = heading slug), a card or a question.
struct SearchDocument {
    std::string kind;
    std::string itemId;
    std::string anchor;
    std::string title;
    std::string body;
};

// A match with the matched words wrapped in HighlightStart / HighlightEnd.
struct SearchRow {
    std::string kind;
    std::string itemId;
    std::string anchor;
    std::string title;
    std::string snippet;
    double rank = 0.0; // bm25, lower is better
};

inline constexpr char HighlightStart = '\x02';
inline constexpr char HighlightEnd = '\x03';

// The FTS5 table search_index and its bookkeeping row (sql/006_study_loop.sql). No transactions here.
class SearchIndex {
public:
    explicit SearchIndex(Database& database)
        : m_database(database)
    {
    }

    // The fingerprint the index was built from, if it was.
    std::optional<std::string> builtFrom(const std::string& bundleId, const std::string& bundleVersion);
    void rebuild(const std::vector<SearchDocument>& documents, const std::string& bundleId,
        const std::string& bundleVersion, const std::string& fingerprint, long long builtMs);
    // `match` is an FTS5 query; titles weigh five times the body. A non-empty `kind` keeps that kind only.
    // Only note sections get a snippet (see SearchResult::snippet).
    std::vector<SearchRow> query(const std::string& match, int limit, const std::string& kind = {});
    int count(const std::string& match, const std::string& kind = {});

private:
    Database& m_database;
};

} // namespace mlaprep
