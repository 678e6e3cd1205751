-- Version 10: events, the truth that syncs between devices. Everything that must survive on every device
-- (answers and their undo, bookmarks, synced settings) is also an event, written in the same transaction
-- as the tables above, which stay the fast read model. An event's hybrid logical clock (hlc_ms,
-- hlc_counter, device) orders all events of all devices the same way everywhere. Local events are
-- written to the sync folder once (exported); remote ones came from other devices' segments.
CREATE TABLE events (
    uuid        TEXT PRIMARY KEY NOT NULL, -- a UUID; events made from earlier history have content ids
    hlc_ms      INTEGER NOT NULL,
    hlc_counter INTEGER NOT NULL CHECK (hlc_counter >= 0),
    device      TEXT NOT NULL,
    kind        TEXT NOT NULL,             -- review, review-retraction, bookmark, setting
    item_id     TEXT NOT NULL,             -- the item answered, "kind:target" bookmarked, the setting key
    payload     TEXT NOT NULL,             -- key=value&… (sync/Event.h)
    origin      TEXT NOT NULL CHECK (origin IN ('local', 'remote')),
    exported    INTEGER NOT NULL DEFAULT 0 CHECK (exported IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX events_by_hlc ON events (hlc_ms, hlc_counter, device);
CREATE INDEX events_by_item ON events (item_id, hlc_ms, hlc_counter, device);
CREATE INDEX events_to_export ON events (hlc_ms, hlc_counter) WHERE origin = 'local' AND exported = 0;

-- The segments of other devices already merged, so each is read once; and the last sequence this store
-- wrote per device id (a store copied to another machine gets a new device id there).
CREATE TABLE sync_segments_read (
    device   TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    read_ms  INTEGER NOT NULL,
    PRIMARY KEY (device, sequence)
) WITHOUT ROWID;
CREATE TABLE sync_segments_written (
    device        TEXT PRIMARY KEY NOT NULL,
    last_sequence INTEGER NOT NULL
) WITHOUT ROWID;

-- Each answer knows its event, so an undo can retract exactly that one.
ALTER TABLE review_log ADD COLUMN event_uuid TEXT;

-- Today's history becomes events once, with ids derived from their content: two copies of one store
-- make the same ids, so syncing both does not count an answer twice. The payloads are spelled as
-- sync::Payload writes them (keys sorted, '%', '&' and '=' escaped). The UTC offset of old answers was
-- not kept; 0 stands in for it.
UPDATE review_log
SET event_uuid = 'review-' || item_id || '-' || reviewed_ms || '-' || rating || '-' || source || '-' || duration_ms;
INSERT OR IGNORE INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin)
SELECT event_uuid, reviewed_ms, 0, 'history', 'review', item_id,
       'at=' || reviewed_ms || '&duration=' || duration_ms || '&kind=' || kind || '&offset=0&rating=' || rating
           || '&source=' || source,
       'local'
FROM review_log;

INSERT OR IGNORE INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin)
SELECT 'bookmark-' || target_kind || ':' || target_id || '-' || created_ms, created_ms, 0, 'history', 'bookmark',
       target_kind || ':' || target_id, 'at=' || created_ms || '&on=1', 'local'
FROM bookmarks;

-- Synced settings (scheduling and the study plan) at the oldest time, so any later change wins.
INSERT OR IGNORE INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin)
SELECT 'setting-' || key || '=' || value, 0, 0, 'history', 'setting', key,
       'value=' || replace(replace(replace(value, '%', '%25'), '&', '%26'), '=', '%3D'), 'local'
FROM settings
WHERE key LIKE 'srs.%' OR key LIKE 'plan.%';
