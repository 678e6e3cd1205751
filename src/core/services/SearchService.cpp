#include "services/SearchService.h"

#include "common/SeededRandom.h"
#include "content/Bundle.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "store/Database.h"
#include "store/SearchIndex.h"
#include "store/Transaction.h"

#include <algorithm>
#include <cctype>
#include <chrono>

namespace mlaprep {

namespace {

bool isFence(const std::string& line)
{
    const auto start = line.find_first_not_of(' ');
    return start != std::string::npos
        && (line.compare(start, 3, "```") == 0 || line.compare(start, 3, "~~~") == 0);
}

bool isHeading(const std::string& line)
{
    std::size_t hashes = 0;
    while (hashes < line.size() && line[hashes] == '#') {
        ++hashes;
    }
    return hashes >= 1 && hashes <= 6 && hashes < line.size() && line[hashes] == ' ';
}

// A note as sections: the text before the first heading (under the note's title) and each heading's text.
// A Markdown line as the words a reader sees, for snippets: no emphasis, code, table or quote marks, no
// list bullets, no callout markers ("[!TRAP]"), links as their text without the address.
std::string readableText(const std::string& line)
{
    std::string text;
    std::size_t i = line.find_first_not_of(" \t");
    // Blank lines and a table's separator row ("|---|:--|") carry no words.
    if (i == std::string::npos || line.find_first_not_of(" \t|-:") == std::string::npos) {
        return text;
    }
    // A list bullet or number at the start of the line.
    if (i + 1 < line.size() && (line[i] == '-' || line[i] == '+') && line[i + 1] == ' ') {
        i += 2;
    } else {
        std::size_t digits = i;
        while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) {
            ++digits;
        }
        if (digits > i && digits + 1 < line.size() && line[digits] == '.' && line[digits + 1] == ' ') {
            i = digits + 2;
        }
    }
    while (i < line.size()) {
        const char c = line[i];
        if (c == '[' && line.compare(i, 2, "[!") == 0) {
            const std::size_t close = line.find(']', i);
            i = close == std::string::npos ? line.size() : close + 1;
            continue;
        }
        if (c == ']' && i + 1 < line.size() && line[i + 1] == '(') {
            const std::size_t close = line.find(')', i);
            i = close == std::string::npos ? line.size() : close + 1;
            continue;
        }
        const bool mark = c == '*' || c == '`' || c == '|' || c == '>' || c == '_' || c == '[' || c == ']'
            || c == '#' || c == '{' || c == '}';
        text += mark ? ' ' : c;
        ++i;
    }
    return text;
}

void addNote(const Note& note, std::vector<SearchDocument>& documents)
{
    SearchDocument current { "note", note.id, "", note.title, "" };
    std::size_t headingIndex = 0;
    bool inFence = false;
    std::size_t start = 0;
    const std::string& text = note.markdown;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (isFence(line)) {
            inFence = !inFence;
            continue;
        }
        if (!inFence && isHeading(line) && headingIndex < note.headings.size()) {
            if (!current.body.empty() || !current.anchor.empty()) {
                documents.push_back(current);
            }
            const Heading& heading = note.headings[headingIndex++];
            current = SearchDocument { "note", note.id, heading.slug,
                heading.level == 1 ? heading.text : note.title + " › " + heading.text, "" };
            continue;
        }
        current.body += readableText(line) + ' ';
    }
    documents.push_back(current);
}

void addQuestion(
    const Question& question, const std::string& scenario, std::vector<SearchDocument>& documents)
{
    if (question.isCase()) {
        for (const auto& child : question.items) {
            addQuestion(child, question.scenario, documents);
        }
        return;
    }
    std::string body = scenario + ' ';
    for (const auto& option : question.options) {
        body += option.text + ' ' + option.why + ' ';
    }
    for (const auto& prompt : question.prompts) {
        body += prompt.text + ' ';
    }
    body += question.explanation;
    documents.push_back(SearchDocument { "question", question.id, "", question.stem, body });
}

std::vector<SearchDocument> documentsOf(const Bundle& bundle)
{
    std::vector<SearchDocument> documents;
    for (const auto& note : bundle.notes) {
        addNote(note, documents);
    }
    for (const auto& card : bundle.cards) {
        std::string tags;
        for (const auto& tag : card.tags) {
            tags += ' ' + tag;
        }
        documents.push_back(SearchDocument { "card", card.id, "", card.front, card.back + tags });
    }
    for (const auto& question : bundle.questions) {
        addQuestion(question, "", documents);
    }
    return documents;
}

std::string fingerprintOf(const std::vector<SearchDocument>& documents)
{
    std::uint64_t hash = 0;
    for (const auto& document : documents) {
        hash = hashCombine(hash, document.itemId);
        hash = hashCombine(hash, document.title);
        hash = hashCombine(hash, document.body);
    }
    return std::to_string(documents.size()) + ":" + std::to_string(hash);
}

SearchKind kindFrom(const std::string& text)
{
    return text == "card" ? SearchKind::Card : text == "question" ? SearchKind::Question : SearchKind::Note;
}

// The index's kind column for a filter; empty for "every kind".
std::string kindName(std::optional<SearchKind> kind)
{
    if (!kind) {
        return {};
    }
    return *kind == SearchKind::Card ? "card" : *kind == SearchKind::Question ? "question" : "note";
}

} // namespace

SearchService::SearchService(std::shared_ptr<Store> store, const Bundle& bundle, const Clock& clock)
    : m_store(std::move(store))
    , m_bundle(bundle)
    , m_clock(clock)
{
}

std::string SearchService::matchExpression(const std::string& text)
{
    std::vector<std::string> words;
    std::string word;
    for (const char c : text) {
        // Bytes of multi-byte UTF-8 characters are kept: the unicode61 tokenizer handles them.
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
            word += c;
        } else if (!word.empty()) {
            words.push_back(word);
            word.clear();
        }
    }
    if (!word.empty()) {
        words.push_back(word);
    }
    std::string expression;
    // `word` is still the last word when the text ends inside it.
    for (std::size_t i = 0; i < words.size(); ++i) {
        expression += (i == 0 ? "\"" : " AND \"") + words[i] + "\"";
        // The word being typed (the text ends inside it) matches as a prefix.
        if (i + 1 == words.size() && !word.empty()) {
            expression += '*';
        }
    }
    return expression;
}

Result<Changes> SearchService::ensureIndex()
{
    try {
        const auto documents = documentsOf(m_bundle);
        const std::string fingerprint = fingerprintOf(documents);
        SearchIndex index(m_store->database());
        Changes changes;
        if (index.builtFrom(m_bundle.id, m_bundle.version) != fingerprint) {
            Transaction transaction(m_store->database());
            index.rebuild(
                documents, m_bundle.id, m_bundle.version, fingerprint, toEpochMilliseconds(m_clock.now()));
            transaction.commit();
            changes.settings = true;
        }
        m_checked = true;
        return changes;
    } catch (...) {
        return Result<Changes>::failure(currentProblem());
    }
}

Result<std::vector<SearchResult>> SearchService::search(
    const std::string& text, int limit, std::optional<SearchKind> kind)
{
    using Results = std::vector<SearchResult>;
    if (!m_checked) {
        auto built = ensureIndex();
        if (!built.ok()) {
            return Result<Results>::failure(built.problems());
        }
    }
    const std::string match = matchExpression(text);
    if (match.empty()) {
        return Results {};
    }
    try {
        Results results;
        for (auto& row : SearchIndex(m_store->database()).query(match, limit, kindName(kind))) {
            results.push_back(SearchResult { kindFrom(row.kind), std::move(row.itemId), std::move(row.anchor),
                std::move(row.title), std::move(row.snippet) });
        }
        return results;
    } catch (...) {
        return Result<Results>::failure(currentProblem());
    }
}

Result<int> SearchService::countMatches(const std::string& text, std::optional<SearchKind> kind)
{
    if (!m_checked) {
        auto built = ensureIndex();
        if (!built.ok()) {
            return Result<int>::failure(built.problems());
        }
    }
    const std::string match = matchExpression(text);
    if (match.empty()) {
        return 0;
    }
    try {
        return SearchIndex(m_store->database()).count(match, kindName(kind));
    } catch (...) {
        return Result<int>::failure(currentProblem());
    }
}

Result<SearchBenchFigures> benchmarkSearch(const Bundle& bundle, const std::filesystem::path& directory)
{
    using Ms = std::chrono::duration<double, std::milli>;
    std::filesystem::create_directories(directory);
    auto store = Store::open(directory / "search-bench.sqlite");
    if (!store.ok()) {
        return Result<SearchBenchFigures>::failure(store.problems());
    }
    SystemClock clock;
    SearchService search(store.value(), bundle, clock);
    SearchBenchFigures figures;
    const auto buildStart = std::chrono::steady_clock::now();
    auto built = search.ensureIndex();
    if (!built.ok()) {
        return Result<SearchBenchFigures>::failure(built.problems());
    }
    figures.buildMs = Ms(std::chrono::steady_clock::now() - buildStart).count();
    figures.documents = static_cast<int>(documentsOf(bundle).size());
    // What a learner types, one keystroke at a time.
    const std::vector<std::string> typed { "parquet", "sagemaker endpoint", "feature store", "drift",
        "data wrangler", "hyperparameter tuning", "kinesis firehose", "model monitor", "bias clarify",
        "spot training", "serverless inference", "glue", "xgboost", "canary deployment", "iam role" };
    std::vector<double> times;
    for (const auto& text : typed) {
        for (std::size_t length = 1; length <= text.size(); ++length) {
            const auto start = std::chrono::steady_clock::now();
            auto results = search.search(text.substr(0, length));
            times.push_back(Ms(std::chrono::steady_clock::now() - start).count());
            if (!results.ok()) {
                return Result<SearchBenchFigures>::failure(results.problems());
            }
        }
    }
    std::sort(times.begin(), times.end());
    figures.queries = static_cast<int>(times.size());
    figures.queryMedianMs = times[times.size() / 2];
    figures.queryP99Ms = times[std::min(times.size() - 1, times.size() * 99 / 100)];
    store.value().reset();
    std::error_code ignored;
    std::filesystem::remove_all(directory, ignored);
    return figures;
}

} // namespace mlaprep
