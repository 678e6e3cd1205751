// The question-bank importer, and the bundle loader on the bundle it converts to when it converts.

#include "interop/QuestionBank.h"

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    mlaprep::interop::convertQuestionBank({ mlaprep::interop::QuestionBankFile { "bank.json", bytes } }, {});
    return 0;
}
