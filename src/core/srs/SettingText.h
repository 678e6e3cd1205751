#pragma once

#include "fsrs/Parameters.h"

#include <optional>
#include <string>
#include <string_view>

namespace mlaprep::srs {

// The text a scheduling setting is stored, synced and recorded with an answer as: the shortest that reads
// back as the same number, so a value written on one device is the same double on every other.
std::string numberText(double value);
std::optional<double> numberFromText(std::string_view text);

// FSRS weights as "w0,w1,…" (numberText each); reading takes FSRS-6's 21 or FSRS-5's 19 and checks them
// as fsrs::checkAndFillParameters does. Nothing when the text is not such a list.
std::string parametersText(const fsrs::Parameters& parameters);
std::optional<fsrs::Parameters> parametersFromText(std::string_view text);

} // namespace mlaprep::srs
