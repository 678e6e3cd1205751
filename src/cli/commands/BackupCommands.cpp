#include "Arguments.h"
#include "CliPaths.h"
#include "Commands.h"

#include "services/Store.h"

#include <iostream>

namespace mlaprep::cli {

int runBackup(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--db", "--data-dir", "--out" }, {}, error);
    if (!arguments || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli backup [--db FILE] [--out FILE]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    auto store = Store::openReadOnly(findDatabase(arguments->value("--db"), arguments->value("--data-dir")));
    if (!store.ok()) {
        std::cerr << "error: " << formatProblem(store.problems().front()) << '\n';
        return ExitUserError;
    }
    std::optional<std::filesystem::path> out;
    if (auto value = arguments->value("--out")) {
        out = std::filesystem::path(*value);
    }
    auto written = store.value()->backup(out);
    if (!written.ok()) {
        std::cerr << "error: " << formatProblem(written.problems().front()) << '\n';
        return ExitUserError;
    }
    std::cout << "backed up to " << written.value().string() << '\n';
    return ExitOk;
}

int runRestore(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--db", "--data-dir", "--from" }, { "--list" }, error);
    if (!arguments || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli restore [--db FILE] [--from BACKUP] [--list]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    const auto path = findDatabase(arguments->value("--db"), arguments->value("--data-dir"));
    if (arguments->flag("--list")) {
        for (const auto& backup : Store::backups(path)) {
            std::cout << backup.string() << '\n';
        }
        return ExitOk;
    }
    std::optional<std::filesystem::path> from;
    if (auto value = arguments->value("--from")) {
        from = std::filesystem::path(*value);
    }
    auto restored = Store::restore(path, from);
    if (!restored.ok()) {
        std::cerr << "error: " << formatProblem(restored.problems().front()) << '\n';
        return ExitUserError;
    }
    std::cout << "restored " << path.string() << " from " << restored.value().string()
              << " (the replaced file was kept beside it)\n";
    return ExitOk;
}

int runRecover(const std::vector<std::string>& words)
{
    std::string error;
    auto arguments = Arguments::parse(words, { "--db", "--data-dir" }, {}, error);
    if (!arguments || !arguments->positional().empty()) {
        std::cerr << "usage: mlaprep-cli recover [--db FILE]\n"
                  << (error.empty() ? "" : "error: " + error + "\n");
        return ExitUsage;
    }
    const auto path = findDatabase(arguments->value("--db"), arguments->value("--data-dir"));
    auto recovered = Store::recover(path);
    if (!recovered.ok()) {
        std::cerr << "error: " << formatProblem(recovered.problems().front()) << '\n';
        return ExitUserError;
    }
    const Store::Recovery& r = recovered.value();
    std::cout << "recovered " << r.rowsCopied << " rows into " << path.string()
              << "; rows unreadable: " << r.rowsUnreadable
              << ", damaged stretches skipped: " << r.damagedStretches;
    if (!r.tablesLost.empty()) {
        std::cout << "; lost whole tables:";
        for (const auto& table : r.tablesLost) {
            std::cout << ' ' << table;
        }
    }
    std::cout << " (the damaged file was kept as " << r.keptAs.string() << ")\n";
    return ExitOk;
}

} // namespace mlaprep::cli
