#pragma once

#include <string>
#include <vector>

namespace mlaprep::cli {

// Exit codes of docs/cli.md.
inline constexpr int ExitOk = 0;
inline constexpr int ExitUserError = 1;
inline constexpr int ExitUsage = 2;

int runValidate(const std::vector<std::string>& words);
int runFsrsReplay(const std::vector<std::string>& words);
int runExamAssemble(const std::vector<std::string>& words);
int runExamSim(const std::vector<std::string>& words);
int runExamStatus(const std::vector<std::string>& words);
int runBench(const std::vector<std::string>& words);
int runExportAnki(const std::vector<std::string>& words);
int runImportAnki(const std::vector<std::string>& words);
int runImportQuestions(const std::vector<std::string>& words);
int runSimulate(const std::vector<std::string>& words);
int runPlanSim(const std::vector<std::string>& words);
int runReadiness(const std::vector<std::string>& words);
int runCalibrate(const std::vector<std::string>& words);
int runImportHistory(const std::vector<std::string>& words);
int runExportHistory(const std::vector<std::string>& words);
int runBackup(const std::vector<std::string>& words);
int runRestore(const std::vector<std::string>& words);
int runRecover(const std::vector<std::string>& words);
int runSync(const std::vector<std::string>& words);
int runRealResult(const std::vector<std::string>& words);
int runRealResults(const std::vector<std::string>& words);

} // namespace mlaprep::cli
