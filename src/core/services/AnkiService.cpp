#include "services/AnkiService.h"

#include "content/Bundle.h"
#include "interop/AnkiHtml.h"
#include "interop/AnkiPackage.h"
#include "interop/AnkiText.h"
#include "interop/ZipArchive.h"
#include "services/SrsRows.h"
#include "services/Store.h"
#include "services/StoreGuard.h"
#include "store/AnkiCollectionFile.h"
#include "store/Database.h"
#include "store/EventRepository.h"
#include "store/ItemStateRepository.h"
#include "store/Transaction.h"
#include "store/UserDeckRepository.h"

#include <fstream>
#include <set>
#include <sstream>

namespace mlaprep {

namespace {

Result<interop::AnkiReadCollection> readCollectionBytes(const std::string& bytes)
{
    try {
        return readAnkiCollection(bytes);
    } catch (const DbError& error) {
        return Result<interop::AnkiReadCollection>::failure(Problem {
            Severity::Error, "", "", "", std::string("the collection is unreadable: ") + error.what() });
    }
}

std::string joinTags(const std::vector<std::string>& tags)
{
    std::string text;
    for (const auto& tag : tags) {
        text += (text.empty() ? "" : " ") + tag;
    }
    return text;
}

std::vector<std::string> splitTags(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> tags;
    for (std::string tag; in >> tag;) {
        tags.push_back(tag);
    }
    return tags;
}

UserCard toUserCard(const UserCardRow& row)
{
    return UserCard { row.itemId, row.front, row.back, row.ankiDeck, splitTags(row.tags), row.task };
}

Result<AnkiExportSummary> writePackage(
    const Bundle& bundle, const interop::AnkiExportOptions& options, const std::filesystem::path& out)
{
    auto package = interop::buildAnkiPackage(bundle, options);
    if (!package) {
        return Result<AnkiExportSummary>::failure(package.problems());
    }
    std::string collection;
    try {
        collection = serializeAnkiCollection(package->rows);
    } catch (const DbError& error) {
        return Result<AnkiExportSummary>::failure(Problem { Severity::Error, out.string(), "", "",
            std::string("cannot build the collection: ") + error.what() });
    }
    std::vector<interop::ZipEntry> entries;
    entries.push_back(interop::ZipEntry { "collection.anki2", std::move(collection), {} });
    entries.push_back(interop::ZipEntry { "media", package->mediaJson, {} });
    for (const auto& media : package->media) {
        entries.push_back(media);
    }
    auto written = interop::writeZip(out, entries);
    if (!written) {
        return Result<AnkiExportSummary>::failure(written.problems());
    }
    return AnkiExportSummary { static_cast<int>(package->rows.notes.size()),
        static_cast<int>(package->media.size()), out };
}

} // namespace

AnkiService::AnkiService(std::shared_ptr<Store> store, const Clock& clock)
    : m_store(std::move(store))
    , m_clock(clock)
{
}

Result<AnkiImportSummary> AnkiService::importFile(const AnkiImportRequest& request)
{
    auto batch = interop::readAnkiFile(
        request.file, interop::AnkiImportOptions { request.separator }, readCollectionBytes);
    if (!batch) {
        return Result<AnkiImportSummary>::failure(batch.problems());
    }
    AnkiImportSummary summary;
    summary.read = static_cast<int>(batch->notes.size());
    for (const auto& warning : batch->warnings) {
        summary.warnings.push_back(formatProblem(warning));
    }
    return guardStore<AnkiImportSummary>([&]() -> Result<AnkiImportSummary> {
        Database& database = m_store->database();
        Transaction transaction(database);
        UserDeckRepository decks(database);
        ItemStateRepository states(database);
        const std::int64_t nowMs = toEpochMilliseconds(m_clock.now());

        std::set<std::string> seenKeys;
        std::set<std::string> seenGuids;
        std::vector<const interop::ImportCandidate*> accepted;
        for (const auto& note : batch->notes) {
            if (!note.rejectReason.empty()) {
                ++summary.rejected;
                summary.errors.push_back(formatProblem(
                    Problem { Severity::Error, batch->fileName, note.where, "", note.rejectReason }));
                continue;
            }
            const std::string key
                = interop::duplicateKey(note.front) + '\x1f' + interop::duplicateKey(note.back);
            const bool duplicate = !seenKeys.insert(key).second || decks.hasNoteKey(key)
                || (!note.guid.empty() && (!seenGuids.insert(note.guid).second || decks.hasGuid(note.guid)));
            if (duplicate) {
                ++summary.duplicates;
                continue;
            }
            accepted.push_back(&note);
        }
        if (summary.rejected > 0 && !request.importWhatYouCan) {
            return summary; // nothing written: the learner decides whether to import what can be
        }
        if (accepted.empty()) {
            return summary;
        }
        // The deck and each card are events too, in this transaction, so every device gets them.
        EventRepository events(database);
        const Instant now = m_clock.now();
        UserDeckRow deck;
        deck.uuid = m_uuids.next();
        deck.name = request.file.stem().string();
        deck.sourceFile = batch->fileName;
        deck.format = batch->format;
        deck.task = request.task;
        deck.importedMs = nowMs;
        const std::int64_t deckId = decks.addDeck(deck);
        events.recordLocal(sync::EventKind::DeckImport, deck.uuid, deckImportPayload(deck), now);
        // New user cards are introduced after everything already in the queue, in file order.
        std::int64_t position = 1'000'000'000 + nowMs % 1'000'000'000;
        for (const auto* note : accepted) {
            UserCardRow row;
            row.deckId = deckId;
            row.itemId = "u-" + m_uuids.next();
            row.guid = note->guid;
            row.front = note->front;
            row.back = note->back;
            row.noteKey = interop::duplicateKey(note->front) + '\x1f' + interop::duplicateKey(note->back);
            row.ankiDeck = note->deck;
            row.tags = joinTags(note->tags);
            row.task = request.task;
            row.createdMs = nowMs;
            decks.addCard(row);
            events.recordLocal(
                sync::EventKind::UserCard, row.itemId, userCardPayload(row, deck.uuid, position), now);
            states.insertNewIfMissing(row.itemId, srs::toString(srs::ItemKind::Card), position++);
            summary.added.push_back(toUserCard(row));
            summary.changes.ids.push_back(row.itemId);
        }
        transaction.commit();
        summary.imported = static_cast<int>(accepted.size());
        summary.committed = true;
        summary.changes.userCards = true;
        summary.changes.studyQueue = true;
        return summary;
    });
}

Result<std::vector<UserCard>> AnkiService::userCards()
{
    return guardStore<std::vector<UserCard>>([&]() -> Result<std::vector<UserCard>> {
        std::vector<UserCard> cards;
        for (const auto& row : UserDeckRepository(m_store->database()).cards()) {
            cards.push_back(toUserCard(row));
        }
        return cards;
    });
}

Result<AnkiExportSummary> AnkiService::exportPackage(const Bundle& bundle,
    const std::vector<std::string>& tasks, const std::filesystem::path& out, double desiredRetention)
{
    interop::AnkiExportOptions options;
    options.tasks = tasks;
    options.nowMs = toEpochMilliseconds(m_clock.now());
    options.desiredRetention = desiredRetention;
    auto states = guardStore<std::map<std::string, srs::ItemState>>(
        [&]() -> Result<std::map<std::string, srs::ItemState>> {
            ItemStateRepository repository(m_store->database());
            std::map<std::string, srs::ItemState> result;
            for (const auto& card : bundle.cards) {
                if (const auto row = repository.find(card.id)) {
                    result.emplace(card.id, toItemState(*row));
                }
            }
            return result;
        });
    if (!states) {
        return Result<AnkiExportSummary>::failure(states.problems());
    }
    options.states = std::move(states.value());
    return writePackage(bundle, options, out);
}

Result<AnkiExportSummary> exportAnkiPackage(const Bundle& bundle, const std::vector<std::string>& tasks,
    const std::filesystem::path& out, std::int64_t nowMs)
{
    interop::AnkiExportOptions options;
    options.tasks = tasks;
    options.nowMs = nowMs;
    return writePackage(bundle, options, out);
}

Result<AnkiExportSummary> exportAnkiText(
    const Bundle& bundle, const std::vector<std::string>& tasks, const std::filesystem::path& out)
{
    auto notes = interop::ankiNotesOfBundle(bundle, tasks);
    if (!notes) {
        return Result<AnkiExportSummary>::failure(notes.problems());
    }
    interop::AnkiTextExport file;
    file.notes = notes.value();
    const std::string text = interop::writeAnkiText(file);
    std::filesystem::path temporary = out;
    temporary += ".part";
    {
        std::ofstream stream(temporary, std::ios::binary | std::ios::trunc);
        stream << text;
        if (!stream.flush()) {
            return Result<AnkiExportSummary>::failure(
                Problem { Severity::Error, out.string(), "", "", "cannot write the file" });
        }
    }
    std::error_code error;
    std::filesystem::rename(temporary, out, error);
    if (error) {
        std::filesystem::remove(temporary, error);
        return Result<AnkiExportSummary>::failure(
            Problem { Severity::Error, out.string(), "", "", "cannot write the file" });
    }
    return AnkiExportSummary { static_cast<int>(file.notes.size()), 0, out };
}

std::vector<srs::StudyItem> studyItemsOf(const std::vector<UserCard>& cards, const Bundle& bundle)
{
    std::vector<srs::StudyItem> items;
    for (const auto& card : cards) {
        const std::string task = card.task.value_or("");
        const Domain* domain = task.empty() ? nullptr : bundle.domainOfTask(task);
        items.push_back(srs::StudyItem { card.itemId, srs::ItemKind::Card, task,
            domain ? domain->weight : 0.0, domain ? domain->id : std::string() });
    }
    return items;
}

Card toBundleCard(const UserCard& card)
{
    Card result;
    result.id = card.itemId;
    result.task = card.task.value_or("");
    result.front = interop::htmlAsMarkdown(card.front);
    result.back = interop::htmlAsMarkdown(card.back);
    result.tags = card.tags;
    return result;
}

} // namespace mlaprep
