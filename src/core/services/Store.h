#pragma once

// services/ is the API the GUI and the CLI call: one user intent is one call, one SQLite transaction,
// and a Result carrying what changed. Headers here only forward-declare store types.

#include "common/Result.h"

#include <filesystem>
#include <memory>

namespace mlaprep {

class Database;

// The learner's store, opened (and migrated) for writing. A failure is a Problem whose message says
// what is wrong in words the user can act on (too new, damaged, in use, unreadable).
class Store {
public:
    static Result<std::shared_ptr<Store>> open(const std::filesystem::path& path);
    // For read-only commands: never creates or migrates a store; a missing file is an error.
    static Result<std::shared_ptr<Store>> openReadOnly(const std::filesystem::path& path);
    ~Store();

    Database& database() { return *m_database; }
    const std::filesystem::path& path() const { return m_path; }

private:
    Store(std::filesystem::path path, std::unique_ptr<Database> database);

    std::filesystem::path m_path;
    std::unique_ptr<Database> m_database;
};

} // namespace mlaprep
