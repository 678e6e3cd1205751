#pragma once

#include "common/Clock.h"
#include "common/Result.h"
#include "services/Changes.h"
#include "srs/StudyItem.h"
#include "sync/Uuid.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace mlaprep {

class Store;
struct Bundle;
struct Card;

// A card the learner imported: HTML front and back, scheduled like a bundle card under `itemId` ("u-" and
// a UUID, so two devices importing decks never make the same id).
struct UserCard {
    std::string itemId;
    std::string front;
    std::string back;
    std::string deck; // the deck it had in Anki
    std::vector<std::string> tags;
    std::optional<std::string> task;
};

struct AnkiImportRequest {
    std::filesystem::path file;
    std::optional<std::string> task; // tag every imported card with this task statement
    std::optional<char> separator; // text files: overrides the header and the sniffing
    bool importWhatYouCan = false; // import the good notes even when some are rejected
};

// What an import did, with one line per rejected note ("notes.txt: line 12: -: the first field is empty").
// `committed` is false when rejected notes stopped the import (nothing was written) or nothing was new.
struct AnkiImportSummary {
    int read = 0;
    int imported = 0;
    int duplicates = 0;
    int rejected = 0;
    bool committed = false;
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
    std::vector<UserCard> added;
    Changes changes;
};

struct AnkiExportSummary {
    int notes = 0;
    int mediaFiles = 0;
    std::filesystem::path file;
};

// Anki interop over the learner's store: importing notes into a user deck (one import = one transaction:
// all of it or, unless importWhatYouCan, nothing) and exporting the bundle with the learner's FSRS state.
class AnkiService {
public:
    AnkiService(std::shared_ptr<Store> store, const Clock& clock);

    // Fails (with the problem naming file and line) when the file cannot be read at all; a file whose
    // notes are partly rejected gives a summary with committed == false unless importWhatYouCan.
    Result<AnkiImportSummary> importFile(const AnkiImportRequest& request);

    Result<std::vector<UserCard>> userCards();

    // .apkg with the learner's state for each exported card (new when never studied).
    Result<AnkiExportSummary> exportPackage(const Bundle& bundle, const std::vector<std::string>& tasks,
        const std::filesystem::path& out, double desiredRetention);

private:
    std::shared_ptr<Store> m_store;
    const Clock& m_clock;
    sync::UuidSource m_uuids; // deck and card ids
};

// The exports that need no learner data.
Result<AnkiExportSummary> exportAnkiPackage(const Bundle& bundle, const std::vector<std::string>& tasks,
    const std::filesystem::path& out, std::int64_t nowMs);
Result<AnkiExportSummary> exportAnkiText(
    const Bundle& bundle, const std::vector<std::string>& tasks, const std::filesystem::path& out);

// User cards as study items (after the bundle's, in import order) and as bundle cards the Review screen
// can show (front and back as raw HTML blocks).
std::vector<srs::StudyItem> studyItemsOf(const std::vector<UserCard>& cards, const Bundle& bundle);
Card toBundleCard(const UserCard& card);

} // namespace mlaprep
