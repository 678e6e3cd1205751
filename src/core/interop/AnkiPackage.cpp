#include "interop/AnkiPackage.h"

#include "interop/AnkiHtml.h"
#include "interop/Hashing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

namespace mlaprep::interop {

namespace {

using nlohmann::json;

constexpr std::uint64_t MaxTextBytes = 64ull * 1024 * 1024;
constexpr std::uint64_t MaxCollectionBytes = 512ull * 1024 * 1024;
// A package's entries are checked against these before anything is extracted (zip bombs).
constexpr std::size_t MaxPackageEntries = 100'000;
constexpr std::int64_t DayMs = 86'400'000;
constexpr const char* ModelName = "mlaprep Basic";
constexpr const char* CardCss = ".card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; "
                                "background-color: white; }\n"
                                "table { border-collapse: collapse; } th, td { border: 1px solid #888; padding: "
                                "4px 8px; }\npre { background: #f4f4f4; padding: 8px; }\n";

std::string oneLine(std::string text)
{
    // Anki deck names use "::" for hierarchy; a title must not add levels of its own.
    for (std::size_t at = text.find("::"); at != std::string::npos; at = text.find("::", at)) {
        text.replace(at, 2, ":");
    }
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
}

constexpr const char* OrientationDeck = "About the exam";

// The bundle's orientation cards, unless the export is limited to some task statements.
std::vector<const Card*> orientationCards(const Bundle& bundle, const std::vector<std::string>& tasks)
{
    std::vector<const Card*> cards;
    if (tasks.empty()) {
        for (const auto& card : bundle.cards) {
            if (card.isOrientation()) {
                cards.push_back(&card);
            }
        }
    }
    return cards;
}

std::string tagOf(std::string text)
{
    std::replace_if(text.begin(), text.end(), [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }, '_');
    return text;
}

// A positive id below 2^53 derived from `key`, so decks and the note type keep their ids across exports.
std::int64_t stableId(const std::string& key)
{
    const auto digest = sha1(key);
    std::int64_t value = 0;
    for (int i = 0; i < 6; ++i) {
        value = (value << 8) | digest[static_cast<std::size_t>(i)];
    }
    return 1'000'000'000'000 + value % 1'000'000'000'000;
}

json deckJson(std::int64_t id, const std::string& name, std::int64_t modifiedSeconds)
{
    return json {
        { "id", id },
        { "name", name },
        { "mod", modifiedSeconds },
        { "usn", -1 },
        { "desc", "" },
        { "dyn", 0 },
        { "conf", 1 },
        { "collapsed", false },
        { "extendNew", 10 },
        { "extendRev", 50 },
        { "newToday", { 0, 0 } },
        { "revToday", { 0, 0 } },
        { "lrnToday", { 0, 0 } },
        { "timeToday", { 0, 0 } },
    };
}

json defaultDeckConfig()
{
    return json { { "1",
        {
            { "id", 1 },
            { "name", "Default" },
            { "mod", 0 },
            { "usn", 0 },
            { "maxTaken", 60 },
            { "autoplay", true },
            { "timer", 0 },
            { "replayq", true },
            { "dyn", false },
            { "new",
                { { "delays", { 1, 10 } }, { "ints", { 1, 4, 7 } }, { "initialFactor", 2500 }, { "order", 1 },
                    { "perDay", 20 }, { "bury", false }, { "separate", true } } },
            { "lapse",
                { { "delays", { 10 } }, { "mult", 0 }, { "minInt", 1 }, { "leechFails", 8 },
                    { "leechAction", 1 } } },
            { "rev",
                { { "perDay", 200 }, { "ease4", 1.3 }, { "fuzz", 0.05 }, { "ivlFct", 1 }, { "maxIvl", 36500 },
                    { "bury", false }, { "minSpace", 1 } } },
        } } };
}

json modelJson(std::int64_t modelId, std::int64_t deckId, std::int64_t modifiedSeconds)
{
    auto field = [](const char* name, int ord) {
        return json { { "name", name }, { "ord", ord }, { "sticky", false }, { "rtl", false },
            { "font", "Arial" }, { "size", 20 }, { "media", json::array() } };
    };
    return json {
        { "id", modelId },
        { "name", ModelName },
        { "type", 0 },
        { "mod", modifiedSeconds },
        { "usn", -1 },
        { "sortf", 0 },
        { "did", deckId },
        { "tmpls",
            { { { "name", "Card 1" }, { "ord", 0 }, { "qfmt", "{{Front}}" },
                { "afmt", "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}" }, { "bqfmt", "" }, { "bafmt", "" },
                { "did", nullptr } } } },
        { "flds", { field("Front", 0), field("Back", 1) } },
        { "css", CardCss },
        { "latexPre",
            "\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage{amssymb,amsmath}\n"
            "\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n" },
        { "latexPost", "\\end{document}" },
        { "tags", json::array() },
        { "vers", json::array() },
        { "req", { { 0, "any", { 0 } } } },
    };
}

// The card's scheduling in Anki's terms, from the learner's FSRS state (new when there is none).
AnkiCardRow cardRow(const srs::ItemState* state, std::int64_t createdSeconds, double retention, int position)
{
    AnkiCardRow row;
    row.due = position;
    if (!state || state->phase == srs::Phase::New || !state->memory) {
        return row;
    }
    const std::int64_t dueMs = toEpochMilliseconds(state->due);
    row.reps = state->reps;
    row.lapses = state->lapses;
    row.factor = 2500;
    std::ostringstream data;
    data.precision(4);
    data << std::fixed << R"({"s":)" << state->memory->stability << R"(,"d":)" << state->memory->difficulty
         << R"(,"dr":)" << retention << "}";
    row.data = data.str();
    if (state->phase == srs::Phase::Review) {
        row.type = 2;
        row.queue = 2;
        row.due = std::max<std::int64_t>(0, (dueMs - createdSeconds * 1000) / DayMs);
        const std::int64_t lastMs = state->lastReview ? toEpochMilliseconds(*state->lastReview) : dueMs - DayMs;
        row.interval = static_cast<int>(std::max<std::int64_t>(1, std::llround(static_cast<double>(dueMs - lastMs) / DayMs)));
    } else {
        row.type = state->phase == srs::Phase::Learning ? 1 : 3;
        row.queue = 1;
        row.due = dueMs / 1000;
        row.left = 1001;
    }
    return row;
}

std::string readBounded(const std::filesystem::path& path, std::uint64_t limit, std::string& error)
{
    std::error_code code;
    const auto size = std::filesystem::file_size(path, code);
    if (code) {
        error = std::filesystem::exists(path) ? "the file cannot be read" : "there is no file here";
        return {};
    }
    if (size > limit) {
        error = "the file is larger than " + std::to_string(limit / (1024 * 1024)) + " MiB";
        return {};
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) {
        error = "the file cannot be read";
        return {};
    }
    return bytes;
}

std::vector<std::string> splitFields(const std::string& fields)
{
    std::vector<std::string> result;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = fields.find(AnkiFieldSeparator, start);
        result.push_back(fields.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) {
            return result;
        }
        start = end + 1;
    }
}

std::vector<std::string> splitWords(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string word; in >> word;) {
        words.push_back(word);
    }
    return words;
}

ImportCandidate candidateOf(std::vector<std::string> fields, std::string where)
{
    ImportCandidate candidate;
    candidate.where = std::move(where);
    if (fields.empty() || duplicateKey(fields.front()).empty()) {
        candidate.rejectReason = "the first field (front) is empty";
    } else if (fields.size() < 2) {
        candidate.rejectReason = "the note has one field; a card needs a front and a back";
    }
    if (!fields.empty()) {
        candidate.front = std::move(fields[0]);
    }
    if (fields.size() >= 2) {
        candidate.back = std::move(fields[1]);
    }
    return candidate;
}

Result<ImportBatch> readTextFile(const std::string& bytes, const std::string& fileName, const AnkiImportOptions& options)
{
    auto parsed = readAnkiText(bytes, AnkiTextReadOptions { fileName, options.separator });
    if (!parsed) {
        return Result<ImportBatch>::failure(parsed.problems());
    }
    ImportBatch batch;
    batch.fileName = fileName;
    batch.format = "text";
    batch.warnings = parsed->warnings;
    for (auto& note : parsed->notes) {
        if (!parsed->html) {
            for (auto& field : note.fields) {
                field = plainTextToHtml(field);
            }
        }
        ImportCandidate candidate = candidateOf(std::move(note.fields), "line " + std::to_string(note.line));
        if (candidate.rejectReason.empty() && note.notetype.find("Cloze") != std::string::npos) {
            candidate.rejectReason = "cloze notes are not supported (note type \"" + note.notetype + "\")";
        }
        candidate.guid = note.guid;
        candidate.deck = note.deck;
        candidate.tags = note.tags;
        batch.notes.push_back(std::move(candidate));
    }
    return batch;
}

Result<ImportBatch> readPackage(const std::filesystem::path& path, const std::string& fileName, const CollectionReader& readCollection)
{
    auto fail = [&](const std::string& message) {
        return Result<ImportBatch>::failure(Problem { Severity::Error, fileName, "", "", message });
    };
    auto names = listZip(path);
    if (!names) {
        Problem problem = names.problems().front();
        problem.file = fileName;
        problem.message = "cannot read the package: " + problem.message;
        return Result<ImportBatch>::failure(problem);
    }
    if (names->size() > MaxPackageEntries) {
        return fail("the package holds " + std::to_string(names->size()) + " entries (at most "
            + std::to_string(MaxPackageEntries) + " are read); it is not an Anki deck export");
    }
    const auto has = [&](const char* name) {
        return std::find(names->begin(), names->end(), name) != names->end();
    };
    if (has("collection.anki21b")) {
        return fail("this package was exported by Anki 2.1.50 or newer in its new format (collection.anki21b, "
                    "zstd-compressed, schema 18), which mlaprep does not read; in Anki choose File → Export, "
                    "\"Anki Deck Package\", tick \"Support older Anki versions\" and import that file");
    }
    const char* entry = has("collection.anki21") ? "collection.anki21" : has("collection.anki2") ? "collection.anki2" : nullptr;
    if (!entry) {
        return fail("not an Anki package: it holds no collection.anki2 or collection.anki21");
    }
    auto contents = readZip(path, { entry }, MaxCollectionBytes);
    if (!contents || !contents->has(entry)) {
        Problem problem = contents ? Problem { Severity::Error, fileName, "", entry, "missing from the package" } : contents.problems().front();
        problem.file = fileName;
        return Result<ImportBatch>::failure(problem);
    }
    auto collection = readCollection(contents->entries.at(entry));
    if (!collection) {
        Problem problem = collection.problems().front();
        problem.file = fileName;
        problem.field = entry;
        return Result<ImportBatch>::failure(problem);
    }
    if (collection->version > AnkiLegacySchemaVersion) {
        return fail(std::string(entry) + " uses collection schema " + std::to_string(collection->version)
            + "; mlaprep reads schema 11 only. In Anki export with \"Support older Anki versions\" ticked");
    }

    std::map<std::int64_t, std::string> deckNames;
    std::set<std::int64_t> clozeModels;
    std::map<std::int64_t, std::string> modelNames;
    ImportBatch batch;
    batch.fileName = fileName;
    batch.format = "apkg";
    const json decks = json::parse(collection->decksJson, nullptr, false);
    if (decks.is_object()) {
        for (const auto& [key, deck] : decks.items()) {
            if (deck.is_object() && deck.contains("name") && deck["name"].is_string()) {
                try {
                    deckNames[std::stoll(key)] = deck["name"].get<std::string>();
                } catch (const std::exception&) {
                }
            }
        }
    } else {
        batch.warnings.push_back(Problem { Severity::Warning, fileName, "", "col.decks", "deck names could not be read" });
    }
    const json models = json::parse(collection->modelsJson, nullptr, false);
    if (models.is_object()) {
        for (const auto& [key, model] : models.items()) {
            try {
                const std::int64_t id = std::stoll(key);
                if (model.is_object() && model.value("type", 0) == 1) {
                    clozeModels.insert(id);
                }
                if (model.is_object() && model.contains("name") && model["name"].is_string()) {
                    modelNames[id] = model["name"].get<std::string>();
                }
            } catch (const std::exception&) {
            }
        }
    }
    for (auto& note : collection->notes) {
        ImportCandidate candidate = candidateOf(splitFields(note.fields), "note " + std::to_string(note.id));
        if (candidate.rejectReason.empty() && clozeModels.count(note.modelId)) {
            candidate.rejectReason = "cloze notes are not supported (note type \"" + modelNames[note.modelId] + "\")";
        }
        candidate.guid = note.guid;
        const auto deck = deckNames.find(note.deckId);
        candidate.deck = deck == deckNames.end() ? std::string() : deck->second;
        candidate.tags = splitWords(note.tags);
        batch.notes.push_back(std::move(candidate));
    }
    if (batch.notes.empty()) {
        return fail("the package holds no notes");
    }
    return batch;
}

} // namespace

std::string duplicateKey(const std::string& frontHtml)
{
    const std::string text = stripHtmlKeepMedia(frontHtml);
    std::string key;
    bool space = false;
    for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !key.empty();
        } else {
            if (space) {
                key += ' ';
                space = false;
            }
            key += c;
        }
    }
    return key;
}

Result<std::vector<AnkiTextNote>> ankiNotesOfBundle(const Bundle& bundle, const std::vector<std::string>& tasks)
{
    Problems problems;
    for (const auto& task : tasks) {
        if (!bundle.findTask(task)) {
            problems.push_back(Problem { Severity::Error, "", task, "--task", "the bundle has no task statement " + task });
        }
    }
    if (!problems.empty()) {
        return Result<std::vector<AnkiTextNote>>::failure(problems);
    }
    const std::string root = oneLine(bundle.title.empty() ? bundle.id : bundle.title);
    std::vector<AnkiTextNote> notes;
    // Cards bound to no task statement (the exam orientation) go first, in a deck of their own.
    for (const Card* card : orientationCards(bundle, tasks)) {
        AnkiTextNote note;
        note.guid = ankiGuid("mlaprep:" + bundle.id + ":" + card->id);
        note.deck = root + "::" + OrientationDeck;
        note.fields = { markdownToAnkiHtml(card->front), markdownToAnkiHtml(card->back) };
        note.tags = { "mlaprep", "orientation" };
        for (const auto& tag : card->tags) {
            note.tags.push_back(tagOf(tag));
        }
        notes.push_back(std::move(note));
    }
    for (const auto& domain : bundle.domains) {
        const std::string domainDeck = root + "::Domain " + domain.id + ": " + oneLine(domain.title);
        for (const auto& task : domain.tasks) {
            if (!tasks.empty() && std::find(tasks.begin(), tasks.end(), task.id) == tasks.end()) {
                continue;
            }
            const std::string taskDeck = domainDeck + "::" + task.id + " " + oneLine(task.title);
            for (const auto& card : bundle.cards) {
                if (card.task != task.id) {
                    continue;
                }
                AnkiTextNote note;
                note.guid = ankiGuid("mlaprep:" + bundle.id + ":" + card.id);
                note.deck = taskDeck;
                note.fields = { markdownToAnkiHtml(card.front), markdownToAnkiHtml(card.back) };
                note.tags = { "mlaprep", "task::" + task.id, "domain::" + domain.id };
                for (const auto& tag : card.tags) {
                    note.tags.push_back(tagOf(tag));
                }
                notes.push_back(std::move(note));
            }
        }
    }
    return notes;
}

Result<AnkiPackage> buildAnkiPackage(const Bundle& bundle, const AnkiExportOptions& options)
{
    auto notes = ankiNotesOfBundle(bundle, options.tasks);
    if (!notes) {
        return Result<AnkiPackage>::failure(notes.problems());
    }
    // Card ids in the order of the notes, to look up the learner's state.
    std::vector<const Card*> cards = orientationCards(bundle, options.tasks);
    for (const auto& domain : bundle.domains) {
        for (const auto& task : domain.tasks) {
            if (!options.tasks.empty() && std::find(options.tasks.begin(), options.tasks.end(), task.id) == options.tasks.end()) {
                continue;
            }
            for (const auto& card : bundle.cards) {
                if (card.task == task.id) {
                    cards.push_back(&card);
                }
            }
        }
    }

    AnkiPackage package;
    AnkiCollectionRows& rows = package.rows;
    const std::int64_t nowMs = options.nowMs;
    const std::int64_t nowSeconds = nowMs / 1000;
    rows.createdSeconds = (nowMs / DayMs) * (DayMs / 1000);
    rows.modifiedMs = nowMs;

    json decks = json::object();
    decks["1"] = deckJson(1, "Default", nowSeconds);
    std::map<std::string, std::int64_t> deckIds;
    auto deckId = [&](const std::string& name) {
        const auto found = deckIds.find(name);
        if (found != deckIds.end()) {
            return found->second;
        }
        // Parents first: Anki expects every level of a "A::B::C" name to exist.
        for (std::size_t at = name.find("::"); at != std::string::npos; at = name.find("::", at + 2)) {
            const std::string parent = name.substr(0, at);
            if (!deckIds.count(parent)) {
                const std::int64_t id = stableId(bundle.id + ":deck:" + parent);
                deckIds[parent] = id;
                decks[std::to_string(id)] = deckJson(id, parent, nowSeconds);
            }
        }
        const std::int64_t id = stableId(bundle.id + ":deck:" + name);
        deckIds[name] = id;
        decks[std::to_string(id)] = deckJson(id, name, nowSeconds);
        return id;
    };

    const std::int64_t modelId = stableId(bundle.id + ":model:" + ModelName);
    std::map<std::string, std::string> mediaNames; // bundle path → name in Anki's media folder
    std::set<std::string> usedMediaNames;
    json media = json::object();
    auto mediaName = [&](const std::string& source) -> std::string {
        const std::filesystem::path file = bundle.root / source;
        std::error_code code;
        if (source.find("..") != std::string::npos || !std::filesystem::is_regular_file(file, code)) {
            return {};
        }
        const auto found = mediaNames.find(source);
        if (found != mediaNames.end()) {
            return found->second;
        }
        std::string name = std::filesystem::path(source).filename().string();
        if (usedMediaNames.count(name)) {
            name = source;
            std::replace(name.begin(), name.end(), '/', '_');
        }
        usedMediaNames.insert(name);
        mediaNames[source] = name;
        const std::string index = std::to_string(package.media.size());
        media[index] = name;
        package.media.push_back(ZipEntry { index, {}, file });
        return name;
    };

    std::int64_t nextId = nowMs;
    int position = 0;
    for (std::size_t i = 0; i < notes->size(); ++i) {
        AnkiTextNote& note = notes.value()[i];
        AnkiNoteRow row;
        row.id = nextId++;
        row.guid = note.guid;
        row.modelId = modelId;
        std::string fields;
        for (auto& field : note.fields) {
            field = renameImageSources(field, mediaName);
            fields += (fields.empty() ? "" : std::string(1, AnkiFieldSeparator)) + field;
        }
        row.fields = fields;
        row.sortField = stripHtmlKeepMedia(note.fields.front());
        row.checksum = ankiFieldChecksum(note.fields.front());
        std::string tags = " ";
        for (const auto& tag : note.tags) {
            tags += tag + " ";
        }
        row.tags = tags;
        const auto state = options.states.find(cards[i]->id);
        row.card = cardRow(state == options.states.end() ? nullptr : &state->second, rows.createdSeconds,
            options.desiredRetention, ++position);
        row.card.id = row.id;
        row.card.deckId = deckId(note.deck);
        rows.notes.push_back(std::move(row));
    }
    const std::int64_t firstDeck = rows.notes.empty() ? 1 : rows.notes.front().card.deckId;
    json models = json::object();
    models[std::to_string(modelId)] = modelJson(modelId, firstDeck, nowSeconds);
    const json conf = {
        { "activeDecks", { 1 } },
        { "curDeck", 1 },
        { "newSpread", 0 },
        { "collapseTime", 1200 },
        { "timeLim", 0 },
        { "estTimes", true },
        { "dueCounts", true },
        { "curModel", std::to_string(modelId) },
        { "nextPos", position + 1 },
        { "sortType", "noteFld" },
        { "sortBackwards", false },
        { "addToCur", true },
    };
    rows.confJson = conf.dump();
    rows.modelsJson = models.dump();
    rows.decksJson = decks.dump();
    rows.dconfJson = defaultDeckConfig().dump();
    package.mediaJson = media.dump();
    return package;
}

Result<ImportBatch> readAnkiFile(
    const std::filesystem::path& path, const AnkiImportOptions& options, CollectionReader readCollection)
{
    const std::string fileName = path.filename().string();
    std::error_code code;
    if (std::filesystem::exists(path, code) && !std::filesystem::is_regular_file(path, code)) {
        // A pipe or device would block the read forever; a folder is not an export.
        return Result<ImportBatch>::failure(Problem { Severity::Error, fileName, "", "",
            "is not a regular file (a folder, pipe or device); choose an exported .txt or .apkg file" });
    }
    char signature[4] = {};
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            return Result<ImportBatch>::failure(Problem { Severity::Error, path.string(), "", "",
                std::filesystem::exists(path) ? "the file cannot be read" : "there is no file here" });
        }
        in.read(signature, sizeof signature);
    }
    const bool zip = signature[0] == 'P' && signature[1] == 'K';
    const std::string extension = path.extension().string();
    if (zip || extension == ".apkg" || extension == ".colpkg") {
        if (extension == ".colpkg") {
            return Result<ImportBatch>::failure(Problem { Severity::Error, fileName, "", "",
                "this is a whole-collection backup (.colpkg); export a deck as an .apkg package instead" });
        }
        return readPackage(path, fileName, readCollection);
    }
    std::string error;
    const std::string bytes = readBounded(path, MaxTextBytes, error);
    if (!error.empty()) {
        return Result<ImportBatch>::failure(Problem { Severity::Error, fileName, "", "", error });
    }
    return readTextFile(bytes, fileName, options);
}

} // namespace mlaprep::interop
