#include "common/Locations.h"
#include "support/TempDir.h"

#include <catch2/catch.hpp>

#include <fstream>

using namespace mlaprep;

namespace {

std::filesystem::path makeBundle(const std::filesystem::path& dir)
{
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "bundle.json") << "{}";
    return dir;
}

} // namespace

TEST_CASE("the bundle is found in the documented order", "[common]")
{
    test::TempDir dir;
    BundleSearch search;
    search.executableDir = dir / "prefix" / "bin";
    search.currentDir = dir / "work";
    search.sourceTreeDir = makeBundle(dir / "source" / "content");

    CHECK(locateBundle(search) == search.sourceTreeDir);
    makeBundle(dir / "work" / "content");
    CHECK(locateBundle(search) == dir / "work" / "content");
    makeBundle(dir / "prefix" / "share" / "mlaprep" / "content");
    CHECK(locateBundle(search) == dir / "prefix" / "share" / "mlaprep" / "content");
    search.environmentDir = dir / "env-bundle";
    CHECK(locateBundle(search) == dir / "env-bundle");
    search.explicitDir = dir / "explicit";
    CHECK(locateBundle(search) == dir / "explicit");
}

TEST_CASE("no bundle anywhere is reported as none", "[common]")
{
    test::TempDir dir;
    BundleSearch search;
    search.executableDir = dir / "bin";
    search.currentDir = dir.path();
    CHECK_FALSE(locateBundle(search).has_value());
}

TEST_CASE("the store is found in the documented order", "[common]")
{
    DatabaseSearch search;
    search.platformDataDir = "/home/u/.local/share/mlaprep";
    CHECK(locateDatabase(search) == "/home/u/.local/share/mlaprep/progress.sqlite");
    search.environmentDataDir = "/env-data";
    CHECK(locateDatabase(search) == "/env-data/progress.sqlite");
    search.explicitDataDir = "/arg-data";
    CHECK(locateDatabase(search) == "/arg-data/progress.sqlite");
    search.environmentDb = "/env.sqlite";
    CHECK(locateDatabase(search) == "/env.sqlite");
    search.explicitDb = "/arg.sqlite";
    CHECK(locateDatabase(search) == "/arg.sqlite");
}
