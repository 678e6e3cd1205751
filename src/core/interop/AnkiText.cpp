#include "interop/AnkiText.h"

#include "content/TextFile.h"
#include "interop/AnkiHtml.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <set>

namespace mlaprep::interop {

namespace {

constexpr char SniffOrder[] = { '\t', '|', ';', ',', ':', ' ' };
constexpr int SniffRecords = 50;

struct Record {
    std::vector<std::string> fields;
    std::vector<bool> quoted;
    int line = 0;
};

struct RecordError {
    int line = 0;
    std::string message;
};

std::string lower(std::string_view text)
{
    std::string result(text);
    for (auto& c : result) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return result;
}

std::string trimmed(std::string_view text, char separator)
{
    auto isBlank = [separator](char c) { return (c == ' ' || c == '\t') && c != separator; };
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isBlank(text[begin])) {
        ++begin;
    }
    while (end > begin && isBlank(text[end - 1])) {
        --end;
    }
    return std::string(text.substr(begin, end - begin));
}

std::vector<std::string> splitTags(std::string_view text)
{
    std::vector<std::string> tags;
    std::string current;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            if (!current.empty()) {
                tags.push_back(std::move(current));
                current.clear();
            }
        } else {
            current += c;
        }
    }
    if (!current.empty()) {
        tags.push_back(std::move(current));
    }
    return tags;
}

// Reads up to `limit` records (all when negative) from `text` starting at `position` on line `line`.
// Comment lines (# first) and empty lines are skipped. An unterminated quote is an error.
std::optional<RecordError> readRecords(
    std::string_view text, std::size_t position, int line, char separator, int limit, std::vector<Record>& out)
{
    const std::size_t size = text.size();
    while (position < size && (limit < 0 || static_cast<int>(out.size()) < limit)) {
        // Skip comments and blank lines between records.
        if (text[position] == '#' || text[position] == '\n' || (text[position] == '\r' && position + 1 < size && text[position + 1] == '\n')) {
            const std::size_t end = text.find('\n', position);
            position = end == std::string_view::npos ? size : end + 1;
            ++line;
            continue;
        }
        Record record;
        record.line = line;
        bool endOfRecord = false;
        while (!endOfRecord) {
            std::string field;
            bool quoted = false;
            if (position < size && text[position] == '"') {
                quoted = true;
                const int openedOn = line;
                ++position;
                bool closed = false;
                while (position < size) {
                    const char c = text[position];
                    if (c == '"') {
                        if (position + 1 < size && text[position + 1] == '"') {
                            field += '"';
                            position += 2;
                            continue;
                        }
                        ++position;
                        closed = true;
                        break;
                    }
                    if (c == '\n') {
                        ++line;
                    }
                    field += c;
                    ++position;
                }
                if (!closed) {
                    return RecordError { openedOn,
                        "a quoted field opened here is never closed (is the file truncated, or is a \" "
                        "missing?)" };
                }
            }
            // The unquoted part (or what follows a closing quote) runs to the separator or the line end.
            std::string rest;
            while (position < size && text[position] != separator && text[position] != '\n') {
                rest += text[position++];
            }
            if (!rest.empty() && rest.back() == '\r') {
                rest.pop_back();
            }
            field += rest;
            record.fields.push_back(quoted ? field : trimmed(field, separator));
            record.quoted.push_back(quoted);
            if (position >= size) {
                endOfRecord = true;
            } else if (text[position] == '\n') {
                ++position;
                ++line;
                endOfRecord = true;
            } else {
                ++position; // the separator
                if (position >= size) {
                    record.fields.emplace_back();
                    record.quoted.push_back(false);
                    endOfRecord = true;
                }
            }
        }
        out.push_back(std::move(record));
    }
    return std::nullopt;
}

char sniffSeparator(std::string_view text, std::size_t position, int line)
{
    int bestRecords = 0;
    std::optional<char> best;
    for (const char candidate : SniffOrder) {
        std::vector<Record> records;
        if (readRecords(text, position, line, candidate, SniffRecords, records) || records.empty()) {
            continue;
        }
        const std::size_t width = records.front().fields.size();
        const bool consistent = width >= 2
            && std::all_of(records.begin(), records.end(), [&](const Record& r) { return r.fields.size() == width; });
        if (consistent) {
            return candidate;
        }
        const int split = static_cast<int>(std::count_if(
            records.begin(), records.end(), [](const Record& r) { return r.fields.size() >= 2; }));
        if (split > bestRecords) {
            bestRecords = split;
            best = candidate;
        }
    }
    return best.value_or('\t');
}

std::optional<int> parseColumn(std::string_view value)
{
    const std::string text = trimmed(value, '\0');
    int number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size() || number < 1) {
        return std::nullopt;
    }
    return number;
}

bool needsQuotes(const std::string& field, char separator)
{
    return field.find_first_of(std::string { separator, '"', '\n', '\r' }) != std::string::npos
        || (!field.empty() && (field.front() == '#' || field.front() == ' ' || field.back() == ' '));
}

void writeField(std::string& out, const std::string& field, char separator)
{
    if (!needsQuotes(field, separator)) {
        out += field;
        return;
    }
    out += '"';
    for (const char c : field) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
}

} // namespace

std::optional<char> separatorFromName(std::string_view text)
{
    if (text.size() == 1) {
        return text.front();
    }
    const std::string name = lower(trimmed(text, '\0'));
    static const std::pair<const char*, char> Names[] = {
        { "tab", '\t' },
        { "pipe", '|' },
        { "semicolon", ';' },
        { "colon", ':' },
        { "comma", ',' },
        { "space", ' ' },
        { "\\t", '\t' },
    };
    for (const auto& [key, separator] : Names) {
        if (name == key) {
            return separator;
        }
    }
    return std::nullopt;
}

const char* separatorName(char separator)
{
    switch (separator) {
    case '\t':
        return "tab";
    case '|':
        return "pipe";
    case ';':
        return "semicolon";
    case ':':
        return "colon";
    case ',':
        return "comma";
    case ' ':
        return "space";
    default:
        return "";
    }
}

Result<AnkiTextFile> readAnkiText(std::string_view bytes, const AnkiTextReadOptions& options)
{
    const std::string& fileName = options.fileName;
    auto fail = [&](int line, const std::string& field, const std::string& message) {
        return Result<AnkiTextFile>::failure(Problem { Severity::Error, fileName,
            line > 0 ? "line " + std::to_string(line) : std::string(), field, message });
    };
    std::string_view text = bytes;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    if (const std::size_t bad = findInvalidUtf8(std::string(text)); bad != std::string::npos) {
        const int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(bad), '\n'));
        return fail(line, "", "the file is not UTF-8 text (invalid byte " + std::to_string(bad) + "); save it as UTF-8 and import again");
    }

    AnkiTextFile file;
    std::optional<char> headerSeparator;
    std::optional<bool> headerHtml;
    int tagsColumn = 0;
    int deckColumn = 0;
    int guidColumn = 0;
    int notetypeColumn = 0;
    std::size_t position = 0;
    int line = 1;
    auto nextLine = [&]() {
        const std::size_t end = text.find('\n', position);
        std::string_view current = text.substr(position, end == std::string_view::npos ? std::string_view::npos : end - position);
        if (!current.empty() && current.back() == '\r') {
            current.remove_suffix(1);
        }
        position = end == std::string_view::npos ? text.size() : end + 1;
        ++line;
        return current;
    };
    auto peek = [&]() { return position < text.size() ? text[position] : '\0'; };

    if (text.substr(0, 5) == "tags:") {
        file.globalTags = splitTags(nextLine().substr(5));
    }
    std::string pendingColumns;
    while (peek() == '#') {
        const int headerLine = line;
        const std::string_view header = nextLine().substr(1);
        const std::size_t colon = header.find(':');
        if (colon == std::string_view::npos) {
            continue; // a comment
        }
        const std::string key = lower(trimmed(header.substr(0, colon), '\0'));
        const std::string_view value = header.substr(colon + 1);
        const auto warn = [&](const std::string& message) {
            file.warnings.push_back(Problem { Severity::Warning, fileName, "line " + std::to_string(headerLine),
                "#" + key, message });
        };
        if (key == "separator") {
            headerSeparator = separatorFromName(value);
            if (!headerSeparator) {
                warn("unknown separator \"" + std::string(value) + "\"; the separator is sniffed instead");
            }
        } else if (key == "html") {
            const std::string flag = lower(trimmed(value, '\0'));
            if (flag == "true" || flag == "false") {
                headerHtml = flag == "true";
            } else {
                warn("expected true or false; HTML is sniffed instead");
            }
        } else if (key == "tags") {
            file.globalTags = splitTags(value);
        } else if (key == "columns") {
            pendingColumns = std::string(value);
        } else if (key == "notetype") {
            file.notetype = trimmed(value, '\0');
        } else if (key == "deck") {
            file.deck = trimmed(value, '\0');
        } else if (key == "tags column" || key == "deck column" || key == "guid column" || key == "notetype column") {
            const auto column = parseColumn(value);
            if (!column) {
                warn("expected a column number from 1");
            } else {
                (key == "tags column" ? tagsColumn
                    : key == "deck column" ? deckColumn
                    : key == "guid column" ? guidColumn
                                           : notetypeColumn)
                    = *column;
            }
        } else {
            warn("unknown header ignored");
        }
    }

    if (options.separator) {
        file.separator = *options.separator;
    } else if (headerSeparator) {
        file.separator = *headerSeparator;
        file.separatorFromHeader = true;
    } else {
        file.separator = sniffSeparator(text, position, line);
    }
    if (!pendingColumns.empty()) {
        std::vector<Record> names;
        readRecords(pendingColumns, 0, 1, file.separator, 1, names);
        if (!names.empty()) {
            file.columnNames = names.front().fields;
        }
    }

    std::vector<Record> records;
    if (const auto error = readRecords(text, position, line, file.separator, -1, records)) {
        return fail(error->line, "", error->message);
    }
    if (records.empty()) {
        return fail(0, "", "the file holds no notes");
    }

    const std::set<int> metaColumns { tagsColumn, deckColumn, guidColumn, notetypeColumn };
    bool anyHtml = false;
    for (auto& record : records) {
        AnkiTextNote note;
        note.line = record.line;
        note.deck = file.deck;
        note.notetype = file.notetype;
        note.tags = file.globalTags;
        std::vector<std::string> nonMeta;
        for (std::size_t i = 0; i < record.fields.size(); ++i) {
            const int column = static_cast<int>(i) + 1;
            std::string& value = record.fields[i];
            if (column == tagsColumn) {
                for (auto& tag : splitTags(value)) {
                    note.tags.push_back(std::move(tag));
                }
            } else if (column == deckColumn) {
                note.deck = value;
            } else if (column == guidColumn) {
                note.guid = value;
            } else if (column == notetypeColumn) {
                note.notetype = value;
            } else {
                nonMeta.push_back(std::move(value));
            }
        }
        // As Anki maps a file onto its Basic note type: with no tags column, a third field column holds
        // the tags.
        if (tagsColumn == 0 && file.notetype.empty() && notetypeColumn == 0 && nonMeta.size() == 3) {
            for (auto& tag : splitTags(nonMeta.back())) {
                note.tags.push_back(std::move(tag));
            }
            nonMeta.pop_back();
        }
        anyHtml = anyHtml || std::any_of(nonMeta.begin(), nonMeta.end(), [](const std::string& f) { return looksLikeHtml(f); });
        note.fields = std::move(nonMeta);
        file.notes.push_back(std::move(note));
    }
    file.html = headerHtml.value_or(anyHtml);
    return file;
}

std::string writeAnkiText(const AnkiTextExport& file)
{
    const char separator = file.separator;
    std::string out;
    const char* name = separatorName(separator);
    out += std::string("#separator:") + (*name ? name : std::string(1, separator)) + "\n";
    out += std::string("#html:") + (file.html ? "true" : "false") + "\n";
    const bool oneDeck = !file.notes.empty()
        && std::all_of(file.notes.begin(), file.notes.end(), [&](const AnkiTextNote& n) { return n.deck == file.notes.front().deck; });
    const bool withDeck = !oneDeck && std::any_of(file.notes.begin(), file.notes.end(), [](const AnkiTextNote& n) { return !n.deck.empty(); });
    std::size_t fieldCount = 0;
    for (const auto& note : file.notes) {
        fieldCount = std::max(fieldCount, note.fields.size());
    }
    int column = 0;
    const int guidColumn = file.withGuid ? ++column : 0;
    const int deckColumn = withDeck ? ++column : 0;
    column += static_cast<int>(fieldCount);
    const int tagsColumn = file.withTags ? ++column : 0;
    if (oneDeck && !file.notes.front().deck.empty()) {
        out += "#deck:" + file.notes.front().deck + "\n";
    }
    if (guidColumn) {
        out += "#guid column:" + std::to_string(guidColumn) + "\n";
    }
    if (deckColumn) {
        out += "#deck column:" + std::to_string(deckColumn) + "\n";
    }
    if (tagsColumn) {
        out += "#tags column:" + std::to_string(tagsColumn) + "\n";
    }
    for (const auto& note : file.notes) {
        std::vector<std::string> record;
        if (guidColumn) {
            record.push_back(note.guid);
        }
        if (deckColumn) {
            record.push_back(note.deck);
        }
        for (std::size_t i = 0; i < fieldCount; ++i) {
            record.push_back(i < note.fields.size() ? note.fields[i] : std::string());
        }
        if (tagsColumn) {
            std::string tags;
            for (const auto& tag : note.tags) {
                tags += (tags.empty() ? "" : " ") + tag;
            }
            record.push_back(tags);
        }
        for (std::size_t i = 0; i < record.size(); ++i) {
            if (i > 0) {
                out += separator;
            }
            writeField(out, record[i], separator);
        }
        out += '\n';
    }
    return out;
}

} // namespace mlaprep::interop
