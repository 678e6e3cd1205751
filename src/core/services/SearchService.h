#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "services/Changes.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

struct Bundle;
class Store;

enum class SearchKind { Note, Card, Question };

// One hit: where it lives and how to show it. Matched words in `title` and `snippet` are wrapped in
// HighlightStart ('\x02') and HighlightEnd ('\x03'), for the view to turn into bold.
struct SearchResult {
    SearchKind kind = SearchKind::Note;
    std::string itemId; // note, card or question id (a case child's own id)
    std::string anchor; // the heading slug within a note; empty otherwise
    std::string title;
    // Words around the match in a note section. Empty for cards and questions: their text around a match
    // would be the answer, an option's why or the explanation, which the learner should not read first.
    std::string snippet;
};

// Full-text search over the bundle's notes (by section), cards and questions with SQLite FTS5. The index
// lives in the learner's store and is rebuilt only when the bundle (id, version or text) changes.
class SearchService {
public:
    SearchService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock);

    // Builds the index when it is missing or stale (one transaction); Changes is empty when it was current.
    Result<Changes> ensureIndex();
    // Ranked results for what the learner typed: every word must match, the last as a prefix ("parq" finds
    // Parquet). Empty text gives no results. `kind` keeps only notes, cards or questions.
    Result<std::vector<SearchResult>> search(
        const std::string& text, int limit = 40, std::optional<SearchKind> kind = std::nullopt);
    // How many results the same query has without a limit ("40 of 213").
    Result<int> countMatches(const std::string& text, std::optional<SearchKind> kind = std::nullopt);

    // The FTS5 query for the typed text: words quoted, joined by AND, the last a prefix. Empty when the
    // text has no word characters.
    static std::string matchExpression(const std::string& text);

private:
    std::shared_ptr<Store> m_store;
    const Bundle& m_bundle;
    const Clock& m_clock;
    bool m_checked = false;
};

struct SearchBenchFigures {
    double buildMs = 0.0;
    double queryMedianMs = 0.0;
    double queryP99Ms = 0.0;
    int documents = 0;
    int queries = 0;
};

// Times building the index and a set of typed queries (prefixes as a learner types them) on a fresh
// store in `directory`. For `mlaprep-cli bench`; asserts nothing.
Result<SearchBenchFigures> benchmarkSearch(const Bundle& bundle, const std::filesystem::path& directory);

} // namespace mlaprep
