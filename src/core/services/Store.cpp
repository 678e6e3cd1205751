#include "services/Store.h"

#include "store/Database.h"

namespace mlaprep {

Store::Store(std::filesystem::path path, std::unique_ptr<Database> database)
    : m_path(std::move(path))
    , m_database(std::move(database))
{
}

Store::~Store() = default;

Result<std::shared_ptr<Store>> Store::open(const std::filesystem::path& path)
{
    try {
        auto database = std::make_unique<Database>(path);
        return std::shared_ptr<Store>(new Store(path, std::move(database)));
    } catch (const DbError& e) {
        return Result<std::shared_ptr<Store>>::failure(Problem { Severity::Error, path.string(), "", "",
            std::string("the data file is ") + toString(e.kind) + " (" + e.what() + ")" });
    }
}

Result<std::shared_ptr<Store>> Store::openReadOnly(const std::filesystem::path& path)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error)) {
        return Result<std::shared_ptr<Store>>::failure(
            Problem{Severity::Error, path.string(), "", "", "there is no data file here"});
    }
    try {
        auto database = std::make_unique<Database>(path, Database::Mode::ReadOnly);
        return std::shared_ptr<Store>(new Store(path, std::move(database)));
    } catch (const DbError& e) {
        return Result<std::shared_ptr<Store>>::failure(
            Problem{Severity::Error, path.string(), "", "", std::string("the data file is ") + toString(e.kind)
                                                                + " (" + e.what() + ")"});
    }
}

} // namespace mlaprep
