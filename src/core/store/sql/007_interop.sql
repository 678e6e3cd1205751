-- Version 7: interop. The learner's own decks imported from Anki (one row per import), their cards (HTML
-- front and back as imported, scheduled like bundle cards through item_states under item_id 'u-N'),
-- and error reports on bundle items for content maintainers.
CREATE TABLE user_decks (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    source_file TEXT NOT NULL,               -- the imported file's name
    format      TEXT NOT NULL CHECK (format IN ('text', 'apkg')),
    task        TEXT,                        -- the task statement the learner tagged the import with
    imported_ms INTEGER NOT NULL
);

CREATE TABLE user_cards (
    id         INTEGER PRIMARY KEY,
    deck_id    INTEGER NOT NULL REFERENCES user_decks (id) ON DELETE CASCADE,
    item_id    TEXT NOT NULL UNIQUE,         -- 'u-' || id: the id item_states and review_log use
    guid       TEXT NOT NULL DEFAULT '',     -- the Anki note guid when the source had one
    front      TEXT NOT NULL,                -- HTML
    back       TEXT NOT NULL,                -- HTML
    note_key   TEXT NOT NULL,                -- front and back without HTML, whitespace collapsed: the duplicate key
    anki_deck  TEXT NOT NULL DEFAULT '',     -- the deck the note was in, in Anki
    tags       TEXT NOT NULL DEFAULT '',     -- space-separated
    task       TEXT,
    created_ms INTEGER NOT NULL
);
CREATE INDEX user_cards_by_note_key ON user_cards (note_key);
CREATE INDEX user_cards_by_deck ON user_cards (deck_id);

CREATE TABLE error_reports (
    id             INTEGER PRIMARY KEY,
    bundle_id      TEXT NOT NULL,
    bundle_version TEXT NOT NULL,
    item_kind      TEXT NOT NULL CHECK (item_kind IN ('note', 'card', 'question', 'user-card')),
    item_id        TEXT NOT NULL,
    reason         TEXT NOT NULL,
    comment        TEXT NOT NULL DEFAULT '',
    created_ms     INTEGER NOT NULL
);
CREATE INDEX error_reports_by_created ON error_reports (created_ms);
