#pragma once

#include "common/Result.h"
#include "content/Bundle.h"
#include "interop/AnkiCollection.h"
#include "interop/AnkiText.h"
#include "interop/ZipArchive.h"
#include "srs/ItemState.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <map>
#include <string>
#include <vector>

namespace mlaprep::interop {

struct AnkiExportOptions {
    std::vector<std::string> tasks;               // only these task statements; empty: all
    std::int64_t nowMs = 0;                       // creation and modification times written
    std::map<std::string, srs::ItemState> states; // the learner's FSRS state by item id (may be empty)
    double desiredRetention = 0.9;
};

// The bundle's cards as Anki notes: HTML fields Front and Back (our Markdown rendered by md4c), the deck
// "Bundle title::Domain N: title::N.M title" of the card's task, tags `mlaprep`, `task::N.M`,
// `domain::N` and the card's own tags (spaces as underscores), and a guid stable across exports. Cards
// bound to no task (the exam orientation) come first, in "Bundle title::About the exam", tagged
// `orientation`, when no task is requested.
// Fails naming the option when a requested task is not in the bundle.
Result<std::vector<AnkiTextNote>> ankiNotesOfBundle(const Bundle& bundle, const std::vector<std::string>& tasks);

// Everything an .apkg holds except the SQLite bytes: the collection rows, the `media` map JSON and the
// numbered media entries ("0", "1", …) for the bundle images the cards show.
struct AnkiPackage {
    AnkiCollectionRows rows;
    std::string mediaJson = "{}";
    std::vector<ZipEntry> media;
};

Result<AnkiPackage> buildAnkiPackage(const Bundle& bundle, const AnkiExportOptions& options);

// An imported note before it meets the learner's store: HTML front and back, where it came from, and why
// it is rejected (empty when it is not).
struct ImportCandidate {
    std::string front;
    std::string back;
    std::string guid;
    std::string deck;
    std::vector<std::string> tags;
    std::string where;        // "line 12" or "note 1612345678901"
    std::string rejectReason;
};

struct ImportBatch {
    std::string fileName;
    std::string format; // "text" or "apkg"
    std::vector<ImportCandidate> notes;
    Problems warnings;
};

struct AnkiImportOptions {
    std::optional<char> separator; // text files: overrides header and sniffing
};

// Reads an Anki text file or a legacy .apkg into candidates (a zip is recognised by its signature, not its
// name). Package entries are tried newest first: collection.anki21b (Anki 2.1.50+, zstd-compressed,
// schema 18) is refused with a message saying to export "for older Anki versions"; collection.anki21 and
// collection.anki2 (schema 11) are read. `readCollection` turns the collection's bytes into rows (it is
// store/'s readAnkiCollection; passed in so this layer stays free of SQL). Files are read bounded.
using CollectionReader = std::function<Result<AnkiReadCollection>(const std::string& bytes)>;
Result<ImportBatch> readAnkiFile(
    const std::filesystem::path& path, const AnkiImportOptions& options, CollectionReader readCollection);

// A field's text for duplicate checks: HTML stripped (media names kept), whitespace collapsed and trimmed.
// A note is a duplicate when its guid, or its front and back keys together, are already there.
std::string duplicateKey(const std::string& frontHtml);

} // namespace mlaprep::interop
