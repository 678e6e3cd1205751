#pragma once

namespace mlaprep {

class Database;

// BEGIN IMMEDIATE on construction, ROLLBACK on destruction unless commit() ran: one user intent is one
// of these, so a crash or an exception halfway leaves the store as it was.
class Transaction {
public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& m_database;
    bool m_done = false;
};

} // namespace mlaprep
