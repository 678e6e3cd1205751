#include "store/Transaction.h"

#include "store/Database.h"

namespace mlaprep {

Transaction::Transaction(Database& database)
    : m_database(database)
{
    m_database.execute("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_database.execute("ROLLBACK");
        } catch (const DbError&) {
            // The connection already rolled back (e.g. after SQLITE_FULL); nothing is left to undo.
        }
    }
}

void Transaction::commit()
{
    m_database.execute("COMMIT");
    m_done = true;
}

} // namespace mlaprep
