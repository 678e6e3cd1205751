#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace mlaprep {

class Database;

// A prepared statement, finalised on destruction. Bind indexes start at 1, column indexes at 0.
class Statement {
public:
    Statement(Database& database, sqlite3_stmt* statement);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bindNull(int index);

    // Advances to the next row; false when there are no more.
    bool step();
    // Runs a statement that returns no rows.
    void run();
    void reset();

    std::string columnText(int column) const;
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    bool columnIsNull(int column) const;

private:
    Database& m_database;
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace mlaprep
