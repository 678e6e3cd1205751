#include "store/AnkiCollectionFile.h"

#include "store/DbError.h"

#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <memory>

namespace mlaprep {

namespace {

// The schema-11 tables and indexes, as Anki 2.1's legacy export (and genanki) create them.
constexpr const char* Schema = R"sql(
CREATE TABLE col (
    id integer primary key, crt integer not null, mod integer not null, scm integer not null,
    ver integer not null, dty integer not null, usn integer not null, ls integer not null,
    conf text not null, models text not null, decks text not null, dconf text not null, tags text not null);
CREATE TABLE notes (
    id integer primary key, guid text not null, mid integer not null, mod integer not null,
    usn integer not null, tags text not null, flds text not null, sfld integer not null,
    csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (
    id integer primary key, nid integer not null, did integer not null, ord integer not null,
    mod integer not null, usn integer not null, type integer not null, queue integer not null,
    due integer not null, ivl integer not null, factor integer not null, reps integer not null,
    lapses integer not null, left integer not null, odue integer not null, odid integer not null,
    flags integer not null, data text not null);
CREATE TABLE revlog (
    id integer primary key, cid integer not null, usn integer not null, ease integer not null,
    ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null,
    type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
)sql";

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct Finalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Connection = std::unique_ptr<sqlite3, Closer>;
using Prepared = std::unique_ptr<sqlite3_stmt, Finalizer>;

[[noreturn]] void fail(sqlite3* db, const std::string& what)
{
    const int code = db ? sqlite3_errcode(db) & 0xFF : SQLITE_ERROR;
    const DbError::Kind kind = (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) ? DbError::Kind::Corrupt
        : code == SQLITE_NOMEM                                                   ? DbError::Kind::Io
                                                                                 : DbError::Kind::Other;
    throw DbError(kind, what + (db ? std::string(": ") + sqlite3_errmsg(db) : std::string()));
}

Connection openMemory()
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        Connection owner(db);
        fail(db, "cannot open an in-memory database");
    }
    return Connection(db);
}

Prepared prepare(sqlite3* db, const char* sql)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK) {
        fail(db, "cannot prepare an Anki collection statement");
    }
    return Prepared(statement);
}

void bindText(sqlite3_stmt* statement, int index, const std::string& text)
{
    sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void run(sqlite3* db, sqlite3_stmt* statement)
{
    if (sqlite3_step(statement) != SQLITE_DONE) {
        fail(db, "cannot write the Anki collection");
    }
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
}

std::string columnText(sqlite3_stmt* statement, int column)
{
    const auto* text = sqlite3_column_text(statement, column);
    return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(statement, column)))
                : std::string();
}

} // namespace

std::string serializeAnkiCollection(const interop::AnkiCollectionRows& rows)
{
    Connection connection = openMemory();
    sqlite3* db = connection.get();
    if (sqlite3_exec(db, Schema, nullptr, nullptr, nullptr) != SQLITE_OK) {
        fail(db, "cannot create the Anki schema");
    }
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    {
        Prepared col = prepare(db,
            "INSERT INTO col (id, crt, mod, scm, ver, dty, usn, ls, conf, models, decks, dconf, tags) "
            "VALUES (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, '{}')");
        sqlite3_bind_int64(col.get(), 1, rows.createdSeconds);
        sqlite3_bind_int64(col.get(), 2, rows.modifiedMs);
        sqlite3_bind_int64(col.get(), 3, rows.modifiedMs);
        sqlite3_bind_int(col.get(), 4, rows.version);
        bindText(col.get(), 5, rows.confJson);
        bindText(col.get(), 6, rows.modelsJson);
        bindText(col.get(), 7, rows.decksJson);
        bindText(col.get(), 8, rows.dconfJson);
        run(db, col.get());

        Prepared note = prepare(db,
            "INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) "
            "VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')");
        Prepared card = prepare(db,
            "INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, lapses, "
            "left, odue, odid, flags, data) VALUES (?, ?, ?, 0, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)");
        const std::int64_t modifiedSeconds = rows.modifiedMs / 1000;
        for (const auto& row : rows.notes) {
            sqlite3_bind_int64(note.get(), 1, row.id);
            bindText(note.get(), 2, row.guid);
            sqlite3_bind_int64(note.get(), 3, row.modelId);
            sqlite3_bind_int64(note.get(), 4, modifiedSeconds);
            bindText(note.get(), 5, row.tags);
            bindText(note.get(), 6, row.fields);
            bindText(note.get(), 7, row.sortField);
            sqlite3_bind_int64(note.get(), 8, static_cast<std::int64_t>(row.checksum));
            run(db, note.get());

            const auto& c = row.card;
            sqlite3_bind_int64(card.get(), 1, c.id);
            sqlite3_bind_int64(card.get(), 2, row.id);
            sqlite3_bind_int64(card.get(), 3, c.deckId);
            sqlite3_bind_int64(card.get(), 4, modifiedSeconds);
            sqlite3_bind_int(card.get(), 5, c.type);
            sqlite3_bind_int(card.get(), 6, c.queue);
            sqlite3_bind_int64(card.get(), 7, c.due);
            sqlite3_bind_int(card.get(), 8, c.interval);
            sqlite3_bind_int(card.get(), 9, c.factor);
            sqlite3_bind_int(card.get(), 10, c.reps);
            sqlite3_bind_int(card.get(), 11, c.lapses);
            sqlite3_bind_int(card.get(), 12, c.left);
            bindText(card.get(), 13, c.data);
            run(db, card.get());
        }
    }
    if (sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) {
        fail(db, "cannot write the Anki collection");
    }
    sqlite3_int64 size = 0;
    unsigned char* bytes = sqlite3_serialize(db, "main", &size, 0);
    if (!bytes) {
        fail(db, "cannot serialise the Anki collection");
    }
    std::string result(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
    sqlite3_free(bytes);
    return result;
}

interop::AnkiReadCollection readAnkiCollection(const std::string& bytes, std::chrono::milliseconds budget)
{
    Connection connection = openMemory();
    sqlite3* db = connection.get();
    // Every few thousand virtual-machine steps SQLite asks whether to go on; past the deadline it stops
    // the statement with SQLITE_INTERRUPT.
    const auto deadline = std::chrono::steady_clock::now() + budget;
    sqlite3_progress_handler(
        db, 10000,
        [](void* data) { return std::chrono::steady_clock::now() > *static_cast<const std::chrono::steady_clock::time_point*>(data) ? 1 : 0; },
        const_cast<std::chrono::steady_clock::time_point*>(&deadline));
    const auto failOrTimeOut = [&](const std::string& what) {
        if ((sqlite3_errcode(db) & 0xFF) == SQLITE_INTERRUPT) {
            throw DbError(DbError::Kind::Other,
                "reading the Anki collection took longer than " + std::to_string(budget.count() / 1000)
                    + " s; it is too large, damaged or built never to end");
        }
        fail(db, what);
    };
    const auto size = static_cast<sqlite3_int64>(bytes.size());
    auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(static_cast<sqlite3_uint64>(bytes.size() ? bytes.size() : 1)));
    if (!copy) {
        throw DbError(DbError::Kind::Io, "out of memory reading the Anki collection");
    }
    if (!bytes.empty()) {
        std::memcpy(copy, bytes.data(), bytes.size());
    }
    if (sqlite3_deserialize(db, "main", copy, size, size, SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY)
        != SQLITE_OK) {
        fail(db, "the Anki collection is not an SQLite database");
    }
    interop::AnkiReadCollection collection;
    {
        sqlite3_stmt* raw = nullptr;
        if (sqlite3_prepare_v2(db, "SELECT ver, models, decks FROM col LIMIT 1", -1, &raw, nullptr) != SQLITE_OK) {
            Prepared guard(raw);
            throw DbError(DbError::Kind::Corrupt,
                std::string("not an Anki collection (no col table): ") + sqlite3_errmsg(db));
        }
        Prepared col(raw);
        if (sqlite3_step(col.get()) != SQLITE_ROW) {
            throw DbError(DbError::Kind::Corrupt, "not an Anki collection (the col table is empty)");
        }
        collection.version = sqlite3_column_int(col.get(), 0);
        collection.modelsJson = columnText(col.get(), 1);
        collection.decksJson = columnText(col.get(), 2);
    }
    if (collection.version > interop::AnkiLegacySchemaVersion) {
        return collection; // the caller refuses it by version; the newer tables are not read
    }
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db,
            // The deck of each note's first card, grouped once: a subquery per note would scan all cards
            // for every note in a collection without Anki's cards(nid) index. (SQLite takes did from the
            // row that has min(ord).)
            "SELECT n.id, n.guid, n.mid, n.tags, n.flds, c.did "
            "FROM notes n LEFT JOIN (SELECT nid, did, min(ord) FROM cards GROUP BY nid) c ON c.nid = n.id "
            "ORDER BY n.id",
            -1, &raw, nullptr)
        != SQLITE_OK) {
        Prepared guard(raw);
        throw DbError(DbError::Kind::Corrupt, std::string("not an Anki collection: ") + sqlite3_errmsg(db));
    }
    Prepared notes(raw);
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(notes.get())) == SQLITE_ROW) {
        interop::AnkiReadNote note;
        note.id = sqlite3_column_int64(notes.get(), 0);
        note.guid = columnText(notes.get(), 1);
        note.modelId = sqlite3_column_int64(notes.get(), 2);
        note.tags = columnText(notes.get(), 3);
        note.fields = columnText(notes.get(), 4);
        note.deckId = sqlite3_column_int64(notes.get(), 5);
        collection.notes.push_back(std::move(note));
        if (collection.notes.size() > MaxAnkiNotes) {
            throw DbError(DbError::Kind::Other,
                "the Anki collection holds more than " + std::to_string(MaxAnkiNotes) + " notes; export a smaller deck");
        }
    }
    if (step != SQLITE_DONE) {
        failOrTimeOut("the Anki collection is damaged");
    }
    return collection;
}

} // namespace mlaprep
