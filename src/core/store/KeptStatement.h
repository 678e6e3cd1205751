#pragma once

#include "store/Database.h"
#include "store/Statement.h"

#include <optional>
#include <string_view>

namespace mlaprep {

// A statement prepared on first use and kept for the repository's lifetime: the review queue runs the
// same few queries for every item shown, and preparing costs more than running them.
class KeptStatement {
public:
    KeptStatement(Database& database, std::string_view sql)
        : m_database(database)
        , m_sql(sql)
    {
    }

    Statement& get()
    {
        if (!m_statement) {
            m_statement.emplace(m_database.prepare(m_sql));
        }
        return *m_statement;
    }

private:
    Database& m_database;
    std::string_view m_sql;
    std::optional<Statement> m_statement;
};

// Resets a kept statement when its caller is done, even after an exception, so that no read stays open
// on the connection and the next use starts from fresh bindings.
class ResetOnExit {
public:
    explicit ResetOnExit(Statement& statement)
        : m_statement(statement)
    {
    }
    ~ResetOnExit() { m_statement.reset(); }
    ResetOnExit(const ResetOnExit&) = delete;
    ResetOnExit& operator=(const ResetOnExit&) = delete;

private:
    Statement& m_statement;
};

} // namespace mlaprep
