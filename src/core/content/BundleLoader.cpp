#include "content/BundleLoader.h"

#include "content/BundleValidator.h"
#include "content/MarkdownScan.h"
#include "content/TextFile.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <set>

namespace mlaprep {

namespace {

using Json = nlohmann::json;

constexpr const char* SupportedFormat = "mlaprep-bundle/1";

bool fitsInt(const Json& value)
{
    if (value.is_number_unsigned()) {
        return value.get<std::uint64_t>() <= static_cast<std::uint64_t>(std::numeric_limits<int>::max());
    }
    const auto number = value.get<std::int64_t>();
    return number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max();
}

// Reads the fields of one JSON object, recording a problem for each missing or mistyped one and a
// warning for each field it does not know, so that a newer bundle still loads.
class FieldReader {
public:
    // `fieldPrefix` names an element inside the item ("options[b]"), so its fields read "options[b].why".
    FieldReader(const Json& object, std::string file, std::string itemId, Problems& problems,
        std::string fieldPrefix = {})
        : m_object(object)
        , m_file(std::move(file))
        , m_itemId(std::move(itemId))
        , m_problems(problems)
        , m_fieldPrefix(std::move(fieldPrefix))
    {
    }

    FieldReader(const FieldReader&) = delete;
    FieldReader& operator=(const FieldReader&) = delete;

    ~FieldReader()
    {
        if (!m_object.is_object()) {
            return;
        }
        for (const auto& [key, value] : m_object.items()) {
            if (!m_known.count(key)) {
                add(Severity::Warning, key, "unknown field (kept and ignored)");
            }
        }
    }

    void error(const std::string& field, const std::string& message) { add(Severity::Error, field, message); }

    bool has(const std::string& field) const { return m_object.contains(field); }

    std::string string(const std::string& field, bool required)
    {
        const Json* value = find(field, required);
        if (!value) {
            return {};
        }
        if (!value->is_string()) {
            error(field, "must be a string, not " + std::string(value->type_name()));
            return {};
        }
        auto text = value->get<std::string>();
        if (required && text.empty()) {
            error(field, "must not be empty");
        }
        return text;
    }

    std::vector<std::string> strings(const std::string& field, bool required)
    {
        std::vector<std::string> result;
        const Json* value = find(field, required);
        if (!value) {
            return result;
        }
        if (!value->is_array()) {
            error(field, "must be an array of strings, not " + std::string(value->type_name()));
            return result;
        }
        for (const auto& element : *value) {
            if (!element.is_string()) {
                error(field, "must contain only strings, found " + std::string(element.type_name()));
                continue;
            }
            result.push_back(element.get<std::string>());
        }
        return result;
    }

    // A field that must be present but may be null (null reads as empty), such as a note's task.
    std::string nullableString(const std::string& field)
    {
        m_known.insert(field);
        auto it = m_object.find(field);
        if (it == m_object.end()) {
            error(field, "required field is missing (write null for none)");
            return {};
        }
        if (it->is_null()) {
            return {};
        }
        return string(field, true);
    }

    std::optional<CalendarDate> date(const std::string& field)
    {
        const Json* value = find(field, false);
        if (!value) {
            return std::nullopt;
        }
        auto parsed = value->is_string() ? CalendarDate::fromText(value->get<std::string>()) : std::nullopt;
        if (!parsed) {
            error(field, "must be a date written YYYY-MM-DD, not " + value->dump());
        }
        return parsed;
    }

    int integer(const std::string& field, bool required, int fallback)
    {
        const Json* value = find(field, required);
        if (!value) {
            return fallback;
        }
        if (!value->is_number_integer()) {
            error(field, "must be a whole number, not " + std::string(value->type_name()));
            return fallback;
        }
        if (!fitsInt(*value)) {
            error(field, "the number " + value->dump() + " is out of range");
            return fallback;
        }
        return value->get<int>();
    }

    double number(const std::string& field, bool required)
    {
        const Json* value = find(field, required);
        if (!value) {
            return 0.0;
        }
        if (!value->is_number()) {
            error(field, "must be a number, not " + std::string(value->type_name()));
            return 0.0;
        }
        return value->get<double>();
    }

    const Json* array(const std::string& field, bool required)
    {
        const Json* value = find(field, required);
        if (value && !value->is_array()) {
            error(field, "must be an array, not " + std::string(value->type_name()));
            return nullptr;
        }
        return value;
    }

    const Json* object(const std::string& field, bool required)
    {
        const Json* value = find(field, required);
        if (value && !value->is_object()) {
            error(field, "must be an object, not " + std::string(value->type_name()));
            return nullptr;
        }
        return value;
    }

    // Marks a field as understood without reading it (read elsewhere, or by type).
    const Json* raw(const std::string& field)
    {
        m_known.insert(field);
        auto it = m_object.find(field);
        return it == m_object.end() ? nullptr : &*it;
    }

private:
    const Json* find(const std::string& field, bool required)
    {
        m_known.insert(field);
        auto it = m_object.find(field);
        if (it == m_object.end() || it->is_null()) {
            if (required) {
                error(field, "required field is missing");
            }
            return nullptr;
        }
        return &*it;
    }

    void add(Severity severity, const std::string& field, const std::string& message)
    {
        const std::string name = m_fieldPrefix.empty() ? field
            : field.empty()                            ? m_fieldPrefix
                                                       : m_fieldPrefix + "." + field;
        m_problems.push_back(Problem { severity, m_file, m_itemId, name, message });
    }

    const Json& m_object;
    std::string m_file;
    std::string m_itemId;
    Problems& m_problems;
    std::string m_fieldPrefix;
    std::set<std::string> m_known;
};

std::string idOf(const Json& element)
{
    if (element.is_object()) {
        auto it = element.find("id");
        if (it != element.end() && it->is_string()) {
            return it->get<std::string>();
        }
    }
    return {};
}

// The item's id, or "#N" (its 1-based position in its list) for an item without one, so that a problem
// with an id-less item still says which one.
std::string labelOf(const Json& element, std::size_t index)
{
    if (auto id = idOf(element); !id.empty()) {
        return id;
    }
    return "#" + std::to_string(index + 1);
}

// Replays a parse up to its first error to learn where it is: the DOM parser reports a number out of
// range (1e400) as out_of_range without a position, and names no item or field for any error.
class ErrorLocator : public nlohmann::json_sax<Json> {
public:
    struct Found {
        std::size_t tokenBegin = 0;
        std::size_t tokenSize = 0;
        int line = 0;
        int column = 0;
        std::string itemId;
        std::string field;
        std::string message;
    };

    std::optional<Found> found;

    bool null() override { return value(); }
    bool boolean(bool) override { return value(); }
    bool number_integer(number_integer_t) override { return value(); }
    bool number_unsigned(number_unsigned_t) override { return value(); }
    bool number_float(number_float_t, const string_t&) override { return value(); }
    bool string(string_t& text) override
    {
        if (!m_frames.empty() && !m_frames.back().isArray && m_frames.back().key == "id") {
            m_frames.back().id = text;
        }
        return value();
    }
    bool binary(binary_t&) override { return value(); }
    bool start_object(std::size_t) override { return open(false); }
    bool key(string_t& name) override
    {
        m_frames.back().key = name;
        return true;
    }
    bool end_object() override { return close(); }
    bool start_array(std::size_t) override { return open(true); }
    bool end_array() override { return close(); }

    bool parse_error(
        std::size_t position, const std::string& token, const nlohmann::detail::exception& error) override
    {
        Found where;
        where.tokenSize = token.size();
        where.tokenBegin = position >= token.size() ? position - token.size() : 0;
        where.message = error.what();
        describePath(where);
        found = std::move(where);
        return false;
    }

private:
    struct Frame {
        bool isArray = false;
        std::size_t index = 0; // of the next element, in an array
        std::string key; // the current key, in an object
        std::string id;
    };

    bool value()
    {
        if (!m_frames.empty() && m_frames.back().isArray) {
            ++m_frames.back().index;
        }
        return true;
    }
    bool open(bool isArray)
    {
        m_frames.push_back(Frame { isArray, 0, {}, {} });
        return true;
    }
    bool close()
    {
        m_frames.pop_back();
        return value();
    }

    // The item is the innermost object with an id that is not an option or prompt (else "#N", its
    // position in the outermost list); the field is the path from there, as "options[b].why".
    void describePath(Found& where) const
    {
        auto isElementList = [&](std::size_t arrayFrame) {
            return arrayFrame > 0
                && (m_frames[arrayFrame - 1].key == "options" || m_frames[arrayFrame - 1].key == "prompts");
        };
        std::optional<std::size_t> itemFrame;
        for (std::size_t i = m_frames.size(); i-- > 0;) {
            if (!m_frames[i].isArray && !m_frames[i].id.empty() && !(i > 0 && isElementList(i - 1))) {
                itemFrame = i;
                where.itemId = m_frames[i].id;
                break;
            }
        }
        if (!itemFrame) {
            for (std::size_t i = 0; i < m_frames.size(); ++i) {
                if (m_frames[i].isArray) {
                    where.itemId = "#" + std::to_string(m_frames[i].index + 1);
                    itemFrame = i + 1;
                    break;
                }
            }
        }
        for (std::size_t i = itemFrame.value_or(0); i < m_frames.size(); ++i) {
            const Frame& frame = m_frames[i];
            if (frame.isArray) {
                const bool elementHasId = i + 1 < m_frames.size() && !m_frames[i + 1].id.empty();
                where.field += "[" + (elementHasId ? m_frames[i + 1].id : std::to_string(frame.index)) + "]";
            } else if (!frame.key.empty()) {
                where.field += (where.field.empty() ? "" : ".") + frame.key;
            }
        }
    }

    std::vector<Frame> m_frames;
};

void locateLine(const std::string& text, std::size_t position, int& line, int& column)
{
    position = std::min(position, text.size());
    line = 1;
    std::size_t lineStart = 0;
    for (std::size_t i = 0; i < position; ++i) {
        if (text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    column = static_cast<int>(position - lineStart) + 1;
}

// A file with more out-of-range numbers than this is reported once for each and then given up on.
constexpr int MaxNumbersOutOfRange = 20;

// Parses JSON without letting an exception out. A syntax error becomes a problem with line and column;
// a number out of range too, after which it reads as 0 so that the rest of the file is still checked.
std::optional<Json> parseJson(const std::string& original, const std::string& file, Problems& problems)
{
    std::string text = original;
    for (int attempt = 0;; ++attempt) {
        try {
            return Json::parse(text);
        } catch (const Json::exception& e) {
            ErrorLocator locator;
            Json::sax_parse(text, &locator);
            Problem problem { Severity::Error, file, "", "", "" };
            if (!locator.found) {
                problem.message = std::string("malformed JSON: ") + e.what();
                problems.push_back(std::move(problem));
                return std::nullopt;
            }
            const auto& where = *locator.found;
            locateLine(text, where.tokenBegin, problem.line, problem.column);
            problem.itemId = where.itemId;
            problem.field = where.field;
            const bool outOfRange = dynamic_cast<const Json::out_of_range*>(&e) != nullptr;
            if (!outOfRange) {
                problem.message = "malformed JSON at line " + std::to_string(problem.line) + ", column "
                    + std::to_string(problem.column);
                problems.push_back(std::move(problem));
                return std::nullopt;
            }
            problem.message = "the number "
                + text.substr(where.tokenBegin, std::min<std::size_t>(where.tokenSize, 40))
                + " is out of range";
            problems.push_back(std::move(problem));
            if (attempt + 1 >= MaxNumbersOutOfRange || where.tokenSize == 0) {
                return std::nullopt;
            }
            text.replace(
                where.tokenBegin, where.tokenSize, std::string(where.tokenSize, ' ').replace(0, 1, "0"));
        }
    }
}

class Reader {
public:
    Reader(std::filesystem::path root, LoadedBundle& out)
        : m_root(std::move(root))
        , m_out(out)
    {
    }

    void read()
    {
        m_out.bundle.root = m_root;
        auto manifest = readJsonFile("bundle.json", "", "");
        if (!manifest) {
            return;
        }
        if (!manifest->is_object()) {
            m_out.problems.push_back(
                Problem { Severity::Error, "bundle.json", "", "", "the manifest must be a JSON object" });
            return;
        }
        m_out.manifestRead = true;
        readManifest(*manifest);
    }

private:
    std::optional<Json> readJsonFile(
        const std::string& relative, const std::string& itemId = {}, const std::string& field = {})
    {
        auto text = readBundleText(relative, itemId, field);
        if (!text) {
            return std::nullopt;
        }
        return parseJson(*text, relative, m_out.problems);
    }

    // A file the manifest lists but that is absent is the manifest's fault (bundle.json, the item, the
    // field); a file that exists but cannot be read is its own.
    std::optional<std::string> readBundleText(
        const std::string& relative, const std::string& itemId, const std::string& field)
    {
        if (!field.empty() && !bundleContainsFile(m_root, relative)) {
            m_out.problems.push_back(Problem { Severity::Error, "bundle.json", itemId, field,
                "\"" + relative + "\" is not a file in the bundle" });
            return std::nullopt;
        }
        auto text = readTextFile(m_root, relative);
        if (!text.ok()) {
            for (auto problem : text.problems()) {
                problem.itemId = itemId;
                m_out.problems.push_back(std::move(problem));
            }
            return std::nullopt;
        }
        return text.value();
    }

    void readManifest(const Json& manifest)
    {
        Bundle& bundle = m_out.bundle;
        FieldReader fields(manifest, "bundle.json", "", m_out.problems);
        bundle.format = fields.string("format", true);
        if (!bundle.format.empty() && bundle.format != SupportedFormat) {
            fields.error("format",
                "unknown format \"" + bundle.format + "\" (this version reads " + SupportedFormat + ")");
        }
        bundle.id = fields.string("id", true);
        bundle.title = fields.string("title", true);
        bundle.version = fields.string("version", true);
        bundle.origin = fields.string("origin", false);
        bundle.source = fields.string("source", false);
        if (const Json* exam = fields.object("exam", false)) {
            readExam(*exam);
        }
        if (const Json* domains = fields.array("domains", true)) {
            for (std::size_t i = 0; i < domains->size(); ++i) {
                readDomain((*domains)[i], i);
            }
        }
        if (const Json* notes = fields.array("notes", true)) {
            for (std::size_t i = 0; i < notes->size(); ++i) {
                readNote((*notes)[i], i);
            }
        }
        for (const auto& file : fields.strings("cards", true)) {
            readCardFile(file);
        }
        for (const auto& file : fields.strings("questions", true)) {
            readQuestionFile(file);
        }
    }

    void readExam(const Json& exam)
    {
        ExamSpec& spec = m_out.bundle.exam;
        FieldReader fields(exam, "bundle.json", "exam", m_out.problems);
        spec.questions = fields.integer("questions", false, spec.questions);
        spec.scored = fields.integer("scored", false, spec.scored);
        spec.minutes = fields.integer("minutes", false, spec.minutes);
        spec.extraMinutesOption = fields.integer("extra_minutes_option", false, spec.extraMinutesOption);
        spec.pass = fields.integer("pass", false, spec.pass);
        if (const Json* scale = fields.array("scale", false)) {
            if (scale->size() == 2 && (*scale)[0].is_number_integer() && (*scale)[1].is_number_integer()) {
                spec.scaleMin = (*scale)[0].get<int>();
                spec.scaleMax = (*scale)[1].get<int>();
            } else {
                fields.error("scale", "must be [min, max] as two whole numbers");
            }
        }
    }

    void readDomain(const Json& element, std::size_t index)
    {
        Domain domain;
        domain.id = idOf(element);
        FieldReader fields(element, "bundle.json", labelOf(element, index), m_out.problems);
        if (!element.is_object()) {
            fields.error("domains", "each domain must be an object");
            return;
        }
        fields.string("id", true);
        domain.title = fields.string("title", true);
        domain.weight = fields.number("weight", true);
        if (const Json* tasks = fields.array("tasks", true)) {
            for (std::size_t t = 0; t < tasks->size(); ++t) {
                const Json& taskElement = (*tasks)[t];
                Task task;
                task.id = idOf(taskElement);
                task.domainId = domain.id;
                FieldReader taskFields(taskElement, "bundle.json", labelOf(taskElement, t), m_out.problems);
                if (!taskElement.is_object()) {
                    taskFields.error("tasks", "each task must be an object");
                    continue;
                }
                taskFields.string("id", true);
                task.title = taskFields.string("title", true);
                task.knowledge = readBullets(taskFields, "knowledge", task.id);
                task.skills = readBullets(taskFields, "skills", task.id);
                domain.tasks.push_back(std::move(task));
            }
        }
        m_out.bundle.domains.push_back(std::move(domain));
    }

    std::vector<Bullet> readBullets(
        FieldReader& taskFields, const std::string& field, const std::string& taskId)
    {
        std::vector<Bullet> bullets;
        const Json* list = taskFields.array(field, false);
        if (!list) {
            return bullets;
        }
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Json& element = (*list)[i];
            const std::string at = field + "[" + std::to_string(i) + "]";
            if (!element.is_object()) {
                taskFields.error(at, "each bullet must be an object {\"id\", \"text\"}");
                continue;
            }
            FieldReader fields(element, "bundle.json", taskId, m_out.problems);
            Bullet bullet;
            bullet.id = fields.string("id", true);
            bullet.text = fields.string("text", true);
            bullet.taskId = taskId;
            bullets.push_back(std::move(bullet));
        }
        return bullets;
    }

    void readNote(const Json& element, std::size_t index)
    {
        Note note;
        note.id = idOf(element);
        FieldReader fields(element, "bundle.json", labelOf(element, index), m_out.problems);
        if (!element.is_object()) {
            fields.error("notes", "each note must be an object");
            return;
        }
        fields.string("id", true);
        note.task = fields.nullableString("task");
        note.title = fields.string("title", true);
        note.file = fields.string("file", true);
        if (!note.file.empty()) {
            if (auto text = readBundleText(note.file, note.id, "file")) {
                note.markdown = std::move(*text);
                note.headings = scanMarkdown(note.markdown).headings;
            }
        }
        m_out.bundle.notes.push_back(std::move(note));
    }

    const Json* readArrayFile(
        const std::string& file, const std::string& listField, std::optional<Json>& holder)
    {
        holder = readJsonFile(file, "", listField);
        if (!holder) {
            return nullptr;
        }
        if (!holder->is_array()) {
            m_out.problems.push_back(Problem { Severity::Error, file, "", "", "must be a JSON array" });
            return nullptr;
        }
        return &*holder;
    }

    void readCardFile(const std::string& file)
    {
        std::optional<Json> holder;
        const Json* cards = readArrayFile(file, "cards", holder);
        if (!cards) {
            return;
        }
        for (std::size_t i = 0; i < cards->size(); ++i) {
            const Json& element = (*cards)[i];
            Card card;
            card.id = idOf(element);
            card.file = file;
            FieldReader fields(element, file, labelOf(element, i), m_out.problems);
            if (!element.is_object()) {
                fields.error("", "each card must be an object");
                continue;
            }
            fields.string("id", true);
            card.task = fields.nullableString("task");
            card.front = fields.string("front", true);
            card.back = fields.string("back", true);
            card.note = fields.string("note", false);
            card.refs = fields.strings("refs", false);
            card.tags = fields.strings("tags", false);
            card.bullets = fields.strings("bullets", false);
            card.verified = fields.date("verified");
            card.revision = readRevision(fields);
            m_out.bundle.cards.push_back(std::move(card));
        }
    }

    static int readRevision(FieldReader& fields)
    {
        const int revision = fields.integer("revision", false, 1);
        if (revision < 1) {
            fields.error("revision", "must be 1 or more, not " + std::to_string(revision));
            return 1;
        }
        return revision;
    }

    void readQuestionFile(const std::string& file)
    {
        std::optional<Json> holder;
        const Json* questions = readArrayFile(file, "questions", holder);
        if (!questions) {
            return;
        }
        for (std::size_t i = 0; i < questions->size(); ++i) {
            if (auto question = readQuestion((*questions)[i], file, labelOf((*questions)[i], i), false)) {
                m_out.bundle.questions.push_back(std::move(*question));
            }
        }
    }

    std::optional<Question> readQuestion(
        const Json& element, const std::string& file, const std::string& label, bool isChild)
    {
        Question question;
        question.id = idOf(element);
        question.file = file;
        FieldReader fields(element, file, label, m_out.problems);
        if (!element.is_object()) {
            fields.error("", "each question must be an object");
            return std::nullopt;
        }
        fields.string("id", true);
        auto typeName = fields.string("type", true);
        auto type = questionTypeFromString(typeName);
        if (!type) {
            if (!typeName.empty()) {
                fields.error("type",
                    "unknown type \"" + typeName + "\" (expected single, multi, ordering, matching or case)");
            }
            return std::nullopt;
        }
        question.type = *type;
        question.task = fields.string("task", true);
        question.note = fields.string("note", false);
        question.refs = fields.strings("refs", false);
        question.tags = fields.strings("tags", false);
        question.services = fields.strings("services", false);
        question.bullets = fields.strings("bullets", false);
        question.verified = fields.date("verified");
        question.revision = readRevision(fields);
        question.explanation = fields.string("explanation", false);
        // Difficulty is required, but a case child may take its parent's, and an imported bank may lack it.
        if (const Json* difficulty = fields.raw("difficulty"); difficulty && !difficulty->is_null()) {
            if (difficulty->is_number_integer() && fitsInt(*difficulty)) {
                question.difficulty = difficulty->get<int>();
            } else {
                fields.error("difficulty",
                    "must be a whole number (1, 2 or 3), not " + std::string(difficulty->type_name()));
                question.difficulty = InvalidDifficulty;
            }
        }

        if (question.isCase()) {
            if (isChild) {
                fields.error("type", "a case study cannot contain another case study");
                return std::nullopt;
            }
            question.scenario = fields.string("scenario", true);
            for (const char* notAllowed : { "stem", "options", "answer", "prompts" }) {
                if (fields.raw(notAllowed)) {
                    fields.error(notAllowed,
                        "a case parent has no " + std::string(notAllowed) + " of its own (its children do)");
                }
            }
            if (const Json* items = fields.array("items", true)) {
                for (std::size_t i = 0; i < items->size(); ++i) {
                    const Json& child = (*items)[i];
                    const std::string childLabel
                        = idOf(child).empty() ? label + ".items[" + std::to_string(i) + "]" : idOf(child);
                    if (auto parsed = readQuestion(child, file, childLabel, true)) {
                        inheritFromCase(*parsed, question);
                        question.items.push_back(std::move(*parsed));
                    }
                }
            }
            return question;
        }

        question.stem = fields.string("stem", true);
        if (const Json* options = fields.array("options", true)) {
            for (std::size_t i = 0; i < options->size(); ++i) {
                const Json& optionElement = (*options)[i];
                Option option;
                option.id = idOf(optionElement);
                FieldReader optionFields(optionElement, file, label, m_out.problems,
                    "options[" + (option.id.empty() ? std::to_string(i) : option.id) + "]");
                if (!optionElement.is_object()) {
                    optionFields.error("", "each option must be an object");
                    continue;
                }
                optionFields.string("id", true);
                option.text = optionFields.string("text", true);
                option.why = optionFields.string("why", false);
                question.options.push_back(std::move(option));
            }
        }
        if (question.type == QuestionType::Matching) {
            if (const Json* prompts = fields.array("prompts", true)) {
                for (std::size_t i = 0; i < prompts->size(); ++i) {
                    const Json& promptElement = (*prompts)[i];
                    Prompt prompt;
                    prompt.id = idOf(promptElement);
                    FieldReader promptFields(promptElement, file, label, m_out.problems,
                        "prompts[" + (prompt.id.empty() ? std::to_string(i) : prompt.id) + "]");
                    if (!promptElement.is_object()) {
                        promptFields.error("", "each prompt must be an object");
                        continue;
                    }
                    promptFields.string("id", true);
                    prompt.text = promptFields.string("text", true);
                    question.prompts.push_back(std::move(prompt));
                }
            }
            if (const Json* answer = fields.object("answer", true)) {
                for (const auto& [promptId, optionId] : answer->items()) {
                    if (!optionId.is_string()) {
                        fields.error("answer", "prompt \"" + promptId + "\" must map to an option id string");
                        continue;
                    }
                    question.answerPairs[promptId] = optionId.get<std::string>();
                }
            }
        } else {
            question.answerIds = fields.strings("answer", true);
        }
        return question;
    }

    static void inheritFromCase(Question& child, const Question& parent)
    {
        if (child.bullets.empty() && !parent.bullets.empty()) {
            child.bullets = parent.bullets;
            child.inheritsBullets = true;
        }
        if (!child.verified && parent.verified) {
            child.verified = parent.verified;
            child.inheritsVerified = true;
        }
    }

    std::filesystem::path m_root;
    LoadedBundle& m_out;
};

} // namespace

LoadedBundle readBundle(const std::filesystem::path& root)
{
    LoadedBundle loaded;
    Reader(root, loaded).read();
    return loaded;
}

LoadedBundle loadBundle(const std::filesystem::path& root, const Clock& clock)
{
    LoadedBundle loaded = readBundle(root);
    if (!loaded.manifestRead) {
        return loaded; // every rule would only repeat that there is no manifest
    }
    auto more = validateBundle(loaded.bundle, localDate(clock));
    loaded.problems.insert(loaded.problems.end(), more.begin(), more.end());
    return loaded;
}

} // namespace mlaprep
