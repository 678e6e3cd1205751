-- Version 6: the study loop. Bookmarks on notes, note headings, cards and questions; and a full-text
-- index over the bundle (notes by section, cards, questions) rebuilt only when the bundle version changes.
CREATE TABLE bookmarks (
    target_kind TEXT NOT NULL CHECK (target_kind IN ('note', 'heading', 'card', 'question')),
    target_id   TEXT NOT NULL,             -- note id, "noteId#anchor", card id or question id
    created_ms  INTEGER NOT NULL,
    PRIMARY KEY (target_kind, target_id)
) WITHOUT ROWID;
CREATE INDEX bookmarks_by_created ON bookmarks (created_ms);

-- One row per searchable unit. kind is 'note' (one row per heading section), 'card' or 'question';
-- item_id is the note/card/question id, anchor the heading anchor within a note ('' otherwise).
CREATE VIRTUAL TABLE search_index USING fts5 (
    kind UNINDEXED,
    item_id UNINDEXED,
    anchor UNINDEXED,
    title,
    body,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Which bundle the search index was built from: rebuilt when (bundle_id, bundle_version, fingerprint)
-- differs from the loaded bundle's.
CREATE TABLE search_index_source (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    bundle_id      TEXT NOT NULL,
    bundle_version TEXT NOT NULL,
    fingerprint    TEXT NOT NULL,
    built_ms       INTEGER NOT NULL
);
