#pragma once

#include "common/Result.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace mlaprep::interop {

// One file of an external question bank, as read (name for messages, bytes).
struct QuestionBankFile {
    std::string name;
    std::string bytes;
};

struct QuestionBankOptions {
    std::vector<double> weights; // per domain in ascending domain order; empty: equal weights
    std::string bundleId;        // empty: "imported-" + the first file's stem
    std::string title;           // empty: "Imported question bank"
};

// The bundle a bank converts to: files by bundle-relative path (bundle.json, questions/T.json), counts,
// and what could not be mapped (warnings naming file, question id and field).
struct ConvertedBank {
    std::map<std::string, std::string> files;
    int questions = 0;
    std::vector<std::string> domains;
    std::vector<std::string> tasks;
    Problems problems;
};

// Converts CloudCertPrep-shaped banks (docs/import-formats.md): each file a JSON array of questions with
// id, question, options {"A": …, …}, answer ("A" or ["A","C"] when isMultiAnswer), explanation,
// taskStatement ("1.2"), services, and optionally type "ordering" (with correctOrder) or "matching" (with
// prompts and an answer object). Domains and tasks come from the task statements; titles the source does
// not give become "Domain N" / "Task N.M"; nothing else is invented. A question that cannot be mapped is
// left out and reported; a file that is not a JSON array, or weights that do not fit, fail the whole
// conversion.
Result<ConvertedBank> convertQuestionBank(const std::vector<QuestionBankFile>& files, const QuestionBankOptions& options);

// Writes the converted bundle into `dir`, which must not exist or be empty. Nothing is left behind on
// failure.
Result<bool> writeConvertedBank(const ConvertedBank& bank, const std::filesystem::path& dir);

} // namespace mlaprep::interop
