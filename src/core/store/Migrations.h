#pragma once

#include <string_view>
#include <vector>

namespace mlaprep {

// The schema scripts in store/sql/NNN_*.sql, embedded at build time; script i upgrades the schema from
// version i to i + 1. Never edit a script that has shipped: add the next one.
const std::vector<std::string_view>& migrationScripts();

} // namespace mlaprep
