#include "content/BundleValidator.h"

#include "content/Freshness.h"
#include "content/HtmlScan.h"
#include "content/MarkdownScan.h"
#include "content/TextFile.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace mlaprep {

namespace {

constexpr double WeightTolerance = 0.001;
constexpr std::size_t MaxTitleBytes = 1000;
constexpr std::size_t MaxMarkdownFieldBytes = 20000;
constexpr std::size_t MaxHtmlProblemsPerField = 20;
constexpr std::array<const char*, 9> CountWords { "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX",
    "SEVEN", "EIGHT" };

// The N of a stem ending "Select N." (a word or digits, any case), read backwards from the end: a linear
// scan, where a regular expression recursed once per letter on a long stem.
std::optional<std::string> selectCountWord(const std::string& stem)
{
    auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    std::size_t end = stem.size();
    while (end > 0 && isSpace(stem[end - 1])) {
        --end;
    }
    if (end > 0 && stem[end - 1] == '.') {
        --end;
    }
    while (end > 0 && isSpace(stem[end - 1])) {
        --end;
    }
    std::size_t begin = end;
    const bool digits = end > 0 && std::isdigit(static_cast<unsigned char>(stem[end - 1]));
    while (begin > 0
        && (digits ? std::isdigit(static_cast<unsigned char>(stem[begin - 1]))
                   : std::isalpha(static_cast<unsigned char>(stem[begin - 1])))) {
        --begin;
    }
    std::size_t selectEnd = begin;
    while (selectEnd > 0 && isSpace(stem[selectEnd - 1])) {
        --selectEnd;
    }
    constexpr std::string_view Select = "select";
    if (begin == end || selectEnd == begin || selectEnd < Select.size()) {
        return std::nullopt;
    }
    for (std::size_t k = 0; k < Select.size(); ++k) {
        if (std::tolower(static_cast<unsigned char>(stem[selectEnd - Select.size() + k])) != Select[k]) {
            return std::nullopt;
        }
    }
    return stem.substr(begin, end - begin);
}

class Validator {
public:
    Validator(const Bundle& bundle, CalendarDate today)
        : m_bundle(bundle)
        , m_today(today)
    {
    }

    Problems run()
    {
        checkManifest();
        for (const auto& note : m_bundle.notes) {
            checkNote(note);
        }
        for (const auto& card : m_bundle.cards) {
            checkCard(card);
        }
        for (const auto& question : m_bundle.questions) {
            checkQuestion(question, nullptr);
        }
        return std::move(m_problems);
    }

private:
    void error(const std::string& file, const std::string& id, const std::string& field, std::string message)
    {
        m_problems.push_back(Problem { Severity::Error, file, id, field, std::move(message) });
    }

    // A rule an imported bank may not meet: an error in our bundles, a warning in imported ones.
    void strict(const std::string& file, const std::string& id, const std::string& field, std::string message)
    {
        m_problems.push_back(Problem { m_bundle.isImported() ? Severity::Warning : Severity::Error, file, id,
            field, std::move(message) });
    }

    void claimId(const std::string& id, const std::string& file)
    {
        if (id.empty()) {
            return;
        }
        auto [it, inserted] = m_firstSeen.emplace(id, file);
        if (!inserted) {
            error(file, id, "id", "duplicate id (first used in " + it->second + ")");
        }
    }

    void checkManifest()
    {
        if (m_bundle.domains.empty()) {
            error("bundle.json", "", "domains", "the manifest declares no domains");
        }
        double total = 0.0;
        std::set<std::string> domainIds;
        std::set<std::string> taskIds;
        for (const auto& domain : m_bundle.domains) {
            total += domain.weight;
            if (!domainIds.insert(domain.id).second) {
                error("bundle.json", domain.id, "id", "duplicate domain id");
            }
            if (domain.weight <= 0.0 || domain.weight > 1.0) {
                error("bundle.json", domain.id, "weight", "must be greater than 0 and at most 1");
            }
            if (domain.tasks.empty()) {
                error("bundle.json", domain.id, "tasks", "a domain needs at least one task statement");
            }
            for (const auto& task : domain.tasks) {
                if (!taskIds.insert(task.id).second) {
                    error("bundle.json", task.id, "id", "duplicate task id (a task belongs to one domain)");
                }
                claimBulletIds(task, "knowledge", task.knowledge);
                claimBulletIds(task, "skills", task.skills);
            }
        }
        if (!m_bundle.domains.empty() && std::abs(total - 1.0) > WeightTolerance) {
            error("bundle.json", "", "weight",
                "domain weights must sum to 1 (they sum to " + std::to_string(total) + ")");
        }
    }

    void claimBulletIds(const Task& task, const std::string& field, const std::vector<Bullet>& bullets)
    {
        for (std::size_t i = 0; i < bullets.size(); ++i) {
            const Bullet& bullet = bullets[i];
            if (bullet.id.empty()) {
                continue; // the loader reported it
            }
            auto [it, inserted] = m_bulletTasks.emplace(bullet.id, task.id);
            if (!inserted) {
                error("bundle.json", task.id, field + "[" + std::to_string(i) + "].id",
                    "duplicate bullet id \"" + bullet.id + "\" (first declared in task " + it->second + ")");
            }
        }
    }

    // `scored`: an item that must say which bullets it trains (a scored item or a card bound to a task),
    // once the bundle declares bullets at all. Bundles without bullets (user-written ones) and imported
    // banks need none.
    void checkBullets(const std::string& file, const std::string& id, const std::vector<std::string>& bullets,
        bool mustHaveBullets)
    {
        for (std::size_t i = 0; i < bullets.size(); ++i) {
            if (!m_bulletTasks.count(bullets[i])) {
                error(file, id, "bullets[" + std::to_string(i) + "]",
                    "bullet \"" + bullets[i] + "\" is not declared by any task in bundle.json");
            }
        }
        if (bullets.empty() && mustHaveBullets && !m_bulletTasks.empty() && !m_bundle.isImported()) {
            m_problems.push_back(Problem { Severity::Warning, file, id, "bullets",
                "lists no exam-guide bullet it trains (e.g. \"bullets\": [\"" + m_bulletTasks.begin()->first
                    + "\"])" });
        }
    }

    void checkFreshness(
        const std::string& file, const std::string& id, const std::optional<CalendarDate>& verified)
    {
        if (!verified) {
            return;
        }
        if (isStale(*verified, m_today)) {
            m_problems.push_back(Problem { Severity::Warning, file, id, "verified",
                "last verified " + verified->toText() + ", more than " + std::to_string(StaleAfterMonths)
                    + " months before today (" + m_today.toText() + "): check it against its refs" });
        } else if (m_today < *verified) {
            m_problems.push_back(Problem { Severity::Warning, file, id, "verified",
                verified->toText() + " is after today (" + m_today.toText() + ")" });
        }
    }

    void checkTask(const std::string& file, const std::string& id, const std::string& task)
    {
        if (!task.empty() && !m_bundle.findTask(task)) {
            error(file, id, "task", "task \"" + task + "\" is not declared in bundle.json");
        }
    }

    void checkNoteLink(const std::string& file, const std::string& id, const std::string& link)
    {
        if (link.empty()) {
            return;
        }
        auto hash = link.find('#');
        const std::string noteId = link.substr(0, hash);
        const Note* note = m_bundle.findNote(noteId);
        if (!note) {
            error(file, id, "note", "note \"" + noteId + "\" does not exist");
            return;
        }
        if (hash != std::string::npos) {
            const std::string slug = link.substr(hash + 1);
            if (!note->markdown.empty() && !note->hasHeading(slug)) {
                error(file, id, "note", "\"#" + slug + "\" is not a heading of note \"" + noteId + "\"");
            }
        }
    }

    // Relative links are resolved from `baseDir` (the note's folder, or the bundle root for JSON fields).
    // Lines are counted when the Markdown is a whole file (a note), not a JSON string.
    void checkMarkdown(const std::string& file, const std::string& id, const std::string& field,
        const std::string& markdown, const std::string& baseDir, bool isWholeFile = false)
    {
        checkLength(file, id, field, markdown, isWholeFile ? MaxBundleFileBytes : MaxMarkdownFieldBytes);
        if (markdown.find_first_of("(<]") == std::string::npos) {
            return; // no link, image or HTML can be present; skip the parse
        }
        const MarkdownScan scan = scanMarkdown(markdown);
        for (const auto& image : scan.images) {
            if (!isAllowedImageSource(image)) {
                error(file, id, field,
                    "image \"" + image + "\" is not inside the bundle (only images in the bundle are shown)");
            }
        }
        for (const auto& link : scan.links) {
            if (isExternalOrAnchorLink(link)) {
                if (!isAllowedLinkTarget(link)) {
                    error(file, id, field,
                        "link to \"" + link
                            + "\" is not allowed (only https:// links, anchors and files in the bundle)");
                }
                continue;
            }
            std::string target = link.substr(0, link.find_first_of("#?"));
            std::string relative
                = (std::filesystem::path(baseDir) / target).lexically_normal().generic_string();
            if (!bundleContainsFile(m_bundle.root, relative)) {
                error(file, id, field, "link to \"" + link + "\", which is not a file in the bundle");
            }
        }
        std::vector<std::size_t> lineStarts; // counted once, and only when there is something to place
        std::size_t reported = 0;
        std::size_t more = 0;
        for (const auto& html : scan.rawHtml) {
            std::vector<HtmlViolation> violations;
            sanitizeHtml(html.text, &violations);
            for (const auto& violation : violations) {
                if (reported == MaxHtmlProblemsPerField) {
                    ++more;
                    continue;
                }
                ++reported;
                Problem problem { violation.severity, file, id, field, "raw HTML: " + violation.message };
                if (isWholeFile) {
                    if (lineStarts.empty()) {
                        lineStarts.push_back(0);
                        for (std::size_t i = 0; i < markdown.size(); ++i) {
                            if (markdown[i] == '\n') {
                                lineStarts.push_back(i + 1);
                            }
                        }
                    }
                    const auto offset = html.offset + violation.offset;
                    problem.line = static_cast<int>(
                        std::upper_bound(lineStarts.begin(), lineStarts.end(), offset) - lineStarts.begin());
                }
                m_problems.push_back(std::move(problem));
            }
        }
        if (more > 0) {
            error(file, id, field, "raw HTML: " + std::to_string(more) + " more problems like these");
        }
    }

    // Every text field has a size limit, so that no view is asked to lay out megabytes in one label.
    void checkLength(const std::string& file, const std::string& id, const std::string& field,
        const std::string& text, std::size_t limit)
    {
        if (text.size() > limit) {
            error(file, id, field,
                "is too long (" + std::to_string(text.size()) + " bytes; at most " + std::to_string(limit)
                    + ")");
        }
    }

    void checkRefs(const std::string& file, const std::string& id, const std::vector<std::string>& refs)
    {
        for (const auto& ref : refs) {
            if (ref.rfind("https://", 0) != 0) {
                error(file, id, "refs", "reference \"" + ref + "\" is not an https:// URL");
            }
        }
    }

    void checkNote(const Note& note)
    {
        claimId(note.id, "bundle.json");
        checkTask("bundle.json", note.id, note.task);
        const std::string folder = std::filesystem::path(note.file).parent_path().generic_string();
        checkLength("bundle.json", note.id, "title", note.title, MaxTitleBytes);
        checkMarkdown(note.file, note.id, "markdown", note.markdown, folder, true);
    }

    void checkCard(const Card& card)
    {
        claimId(card.id, card.file);
        checkTask(card.file, card.id, card.task);
        checkNoteLink(card.file, card.id, card.note);
        checkRefs(card.file, card.id, card.refs);
        checkBullets(card.file, card.id, card.bullets, !card.task.empty());
        checkFreshness(card.file, card.id, card.verified);
        checkMarkdown(card.file, card.id, "front", card.front, "");
        checkMarkdown(card.file, card.id, "back", card.back, "");
    }

    void checkQuestion(const Question& q, const Question* parent)
    {
        const std::string& file = q.file;
        claimId(q.id, file);
        checkTask(file, q.id, q.task);
        checkNoteLink(file, q.id, q.note);
        checkRefs(file, q.id, q.refs);
        if (!q.inheritsBullets) {
            checkBullets(file, q.id, q.bullets, !q.isCase());
        }
        if (!q.inheritsVerified) {
            checkFreshness(file, q.id, q.verified);
        }
        for (const auto& [field, text] : { std::pair<const char*, const std::string&> { "stem", q.stem },
                 { "explanation", q.explanation }, { "scenario", q.scenario } }) {
            checkMarkdown(file, q.id, field, text, "");
        }

        const bool hasHttpsRef = std::any_of(
            q.refs.begin(), q.refs.end(), [](const std::string& r) { return r.rfind("https://", 0) == 0; });
        if (!hasHttpsRef && q.refs.empty() && !(parent && !parent->refs.empty())) {
            strict(file, q.id, "refs", "needs at least one https:// reference");
        }

        if (q.isCase()) {
            if (q.items.size() < 2) {
                error(file, q.id, "items", "a case study needs at least 2 child questions");
            }
            const Domain* domain = m_bundle.domainOfTask(q.task);
            for (const auto& child : q.items) {
                const Domain* childDomain = m_bundle.domainOfTask(child.task);
                if (domain && childDomain && domain != childDomain) {
                    error(file, child.id, "task",
                        "case child is in domain " + childDomain->id + " but its case \"" + q.id
                            + "\" is in domain " + domain->id);
                }
                checkQuestion(child, &q);
            }
            return;
        }

        const int difficulty = q.difficulty != 0 ? q.difficulty : (parent ? parent->difficulty : 0);
        if (difficulty == 0) {
            strict(file, q.id, "difficulty", "required field is missing (1 easy, 2 medium, 3 hard)");
        } else if (difficulty != InvalidDifficulty && (difficulty < 1 || difficulty > 3)) {
            error(file, q.id, "difficulty", "must be 1, 2 or 3, not " + std::to_string(difficulty));
        }
        if (q.explanation.empty()) {
            strict(file, q.id, "explanation", "required field is missing");
        }
        checkOptions(q);
        switch (q.type) {
        case QuestionType::Single:
            checkSingle(q);
            break;
        case QuestionType::Multi:
            checkMulti(q);
            break;
        case QuestionType::Ordering:
            checkOrdering(q);
            break;
        case QuestionType::Matching:
            checkMatching(q);
            break;
        case QuestionType::Case:
            break;
        }
    }

    void checkOptions(const Question& q)
    {
        std::set<std::string> seen;
        for (const auto& option : q.options) {
            const std::string field = "options[" + option.id + "]";
            if (!option.id.empty() && !seen.insert(option.id).second) {
                error(q.file, q.id, field + ".id", "duplicate option id");
            }
            if (option.why.empty()) {
                strict(q.file, q.id, field + ".why", "every option needs a why (why right, or why wrong)");
            }
            checkMarkdown(q.file, q.id, field + ".text", option.text, "");
            checkMarkdown(q.file, q.id, field + ".why", option.why, "");
        }
    }

    bool checkAnswerIdsAreOptions(const Question& q)
    {
        bool ok = true;
        for (const auto& id : q.answerIds) {
            if (!q.findOption(id)) {
                error(q.file, q.id, "answer", "\"" + id + "\" is not an option id");
                ok = false;
            }
        }
        return ok;
    }

    void checkSingle(const Question& q)
    {
        checkAnswerIdsAreOptions(q);
        if (q.answerIds.size() != 1) {
            error(q.file, q.id, "answer",
                "a single-answer question needs exactly one key, not " + std::to_string(q.answerIds.size()));
        }
        if (q.options.size() != 4) {
            strict(q.file, q.id, "options",
                "a single-answer question has 4 options, not " + std::to_string(q.options.size()));
        }
    }

    void checkMulti(const Question& q)
    {
        checkAnswerIdsAreOptions(q);
        const std::set<std::string> keys(q.answerIds.begin(), q.answerIds.end());
        if (keys.size() != q.answerIds.size()) {
            error(q.file, q.id, "answer", "the same key is listed twice");
        }
        if (keys.size() < 2) {
            error(q.file, q.id, "answer", "a multiple-response question needs at least 2 keys");
        }
        if (q.options.size() < 5) {
            error(q.file, q.id, "options",
                "a multiple-response question needs at least 5 options, not "
                    + std::to_string(q.options.size()));
        }
        const auto countWord = selectCountWord(q.stem);
        if (!countWord) {
            strict(q.file, q.id, "stem",
                "a multiple-response stem ends with \"Select N.\" (N = number of keys)");
            return;
        }
        std::string word = *countWord;
        std::transform(
            word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::toupper(c); });
        int stated = -1;
        for (std::size_t i = 0; i < CountWords.size(); ++i) {
            if (word == CountWords[i] || word == std::to_string(i)) {
                stated = static_cast<int>(i);
            }
        }
        if (stated != static_cast<int>(keys.size())) {
            strict(q.file, q.id, "stem",
                "says \"Select " + *countWord + "\" but the answer has " + std::to_string(keys.size())
                    + " keys");
        }
    }

    void checkOrdering(const Question& q)
    {
        if (q.options.size() < 3 || q.options.size() > 5) {
            error(q.file, q.id, "options",
                "an ordering question has 3 to 5 steps, not " + std::to_string(q.options.size()));
        }
        if (!checkAnswerIdsAreOptions(q)) {
            return;
        }
        std::vector<std::string> answer = q.answerIds;
        std::vector<std::string> options;
        for (const auto& option : q.options) {
            options.push_back(option.id);
        }
        std::sort(answer.begin(), answer.end());
        std::sort(options.begin(), options.end());
        if (answer != options) {
            error(
                q.file, q.id, "answer", "must list every option exactly once (a permutation of the options)");
        }
    }

    void checkMatching(const Question& q)
    {
        if (q.prompts.size() < 3 || q.prompts.size() > 7) {
            error(q.file, q.id, "prompts",
                "a matching question has 3 to 7 prompts, not " + std::to_string(q.prompts.size()));
        }
        std::set<std::string> promptIds;
        for (const auto& prompt : q.prompts) {
            if (!prompt.id.empty() && !promptIds.insert(prompt.id).second) {
                error(q.file, q.id, "prompts[" + prompt.id + "].id", "duplicate prompt id");
            }
            if (!q.answerPairs.count(prompt.id)) {
                error(q.file, q.id, "answer", "prompt \"" + prompt.id + "\" is not matched to an option");
            }
        }
        for (const auto& [promptId, optionId] : q.answerPairs) {
            if (!promptIds.count(promptId)) {
                error(q.file, q.id, "answer", "\"" + promptId + "\" is not a prompt id");
            }
            if (!q.findOption(optionId)) {
                error(q.file, q.id, "answer",
                    "\"" + optionId + "\" (for prompt \"" + promptId + "\") is not an option id");
            }
        }
    }

    const Bundle& m_bundle;
    CalendarDate m_today;
    Problems m_problems;
    std::map<std::string, std::string> m_firstSeen;
    std::map<std::string, std::string> m_bulletTasks; // bullet id → the task that declares it
};

} // namespace

Problems validateBundle(const Bundle& bundle, CalendarDate today)
{
    return Validator(bundle, today).run();
}

} // namespace mlaprep
