#pragma once

#include "common/Result.h"
#include "srs/SchedulerConfig.h"

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace mlaprep {

struct Bundle;
class Store;

// What an import did (`import-history --json`): lines read, answers imported, lines already in the
// history, lines rejected and their errors ("FILE:LINE: why"). Nothing is written when `committed` is false.
struct HistoryImportSummary {
    int read = 0;
    int imported = 0;
    int duplicates = 0;
    int rejected = 0;
    std::vector<std::string> errors;
    bool committed = false;
};

// Study histories in and out as JSON Lines (docs/cli.md, "import-history"): how people move from another
// tool, and a round trip of the learner's own history.
class HistoryService {
public:
    // `schedulerConfig` is the learner's (StudyService::config()): imported answers are replayed through
    // the same scheduler.
    HistoryService(
        std::shared_ptr<Store> store, const Bundle& bundle, const srs::SchedulerConfig& schedulerConfig);

    // Imports the answers of `file` that are not in the history yet, in one transaction. Every line is
    // checked first; with an error nothing is written unless `importWhatYouCan` (then the valid lines
    // are). Each touched item's scheduling state is rebuilt by replaying its whole history in time order;
    // the exam lines of one attempt become one finished mock.
    Result<HistoryImportSummary> importHistory(const std::filesystem::path& file, bool importWhatYouCan);
    // Writes every answer in time order; returns how many.
    Result<int> exportHistory(const std::filesystem::path& file);

private:
    std::shared_ptr<Store> m_store;
    const Bundle& m_bundle;
    const srs::SchedulerConfig& m_schedulerConfig;
};

} // namespace mlaprep
