-- Version 17: imported decks and their cards sync between devices. A user card's item id was 'u-' || its
-- row id, which every device importing a deck makes (u-1 on two devices would merge their reviews onto
-- one card); new cards are 'u-' || a UUID and new decks have a UUID. The cards imported before are renamed
-- to 'u-' || their deck's imported_ms || '-' || their row id in every table and event that names them,
-- and the decks get 'deck-' || imported_ms || '-' || row id: derived from content, so two copies of one
-- store rename alike. Event uuids stay as they are, so a retraction still finds its answer. Then every
-- deck becomes a deck-import event and every card a user-card event, once, with content-derived ids.
-- Payloads are spelled as sync::Payload writes them (keys sorted; '%', '&', '=', tab, CR and LF escaped).
CREATE TABLE user_card_renames (
    old_id TEXT PRIMARY KEY NOT NULL,
    new_id TEXT NOT NULL UNIQUE
) WITHOUT ROWID;
INSERT INTO user_card_renames (old_id, new_id)
SELECT c.item_id, 'u-' || d.imported_ms || '-' || c.id
FROM user_cards c
JOIN user_decks d ON d.id = c.deck_id;

UPDATE item_states
SET item_id = (SELECT new_id FROM user_card_renames WHERE old_id = item_states.item_id)
WHERE item_id IN (SELECT old_id FROM user_card_renames);
UPDATE review_log
SET item_id = (SELECT new_id FROM user_card_renames WHERE old_id = review_log.item_id)
WHERE item_id IN (SELECT old_id FROM user_card_renames);
UPDATE item_revisions
SET item_id = (SELECT new_id FROM user_card_renames WHERE old_id = item_revisions.item_id)
WHERE item_id IN (SELECT old_id FROM user_card_renames);
UPDATE item_holds
SET item_id = (SELECT new_id FROM user_card_renames WHERE old_id = item_holds.item_id)
WHERE item_id IN (SELECT old_id FROM user_card_renames);
UPDATE item_actions
SET item_id = (SELECT new_id FROM user_card_renames WHERE old_id = item_actions.item_id)
WHERE item_id IN (SELECT old_id FROM user_card_renames);
UPDATE bookmarks
SET target_id = (SELECT new_id FROM user_card_renames WHERE old_id = bookmarks.target_id)
WHERE target_kind = 'card' AND target_id IN (SELECT old_id FROM user_card_renames);
UPDATE error_reports
SET item_id = (SELECT new_id FROM user_card_renames WHERE old_id = error_reports.item_id)
WHERE item_kind = 'user-card' AND item_id IN (SELECT old_id FROM user_card_renames);
UPDATE search_index
SET item_id = (SELECT new_id FROM user_card_renames WHERE old_id = search_index.item_id)
WHERE kind = 'card' AND item_id IN (SELECT old_id FROM user_card_renames);
-- Answers, undos, resets and holds name the item; bookmarks "card:<id>"; error reports "user-card:<id>".
UPDATE events
SET item_id = (SELECT new_id FROM user_card_renames WHERE old_id = events.item_id)
WHERE kind IN ('review', 'review-retraction', 'reset', 'hold')
  AND item_id IN (SELECT old_id FROM user_card_renames);
UPDATE events
SET item_id = 'card:' || (SELECT new_id FROM user_card_renames WHERE 'card:' || old_id = events.item_id)
WHERE kind = 'bookmark' AND item_id IN (SELECT 'card:' || old_id FROM user_card_renames);
UPDATE events
SET item_id = 'user-card:' || (SELECT new_id FROM user_card_renames WHERE 'user-card:' || old_id = events.item_id)
WHERE kind IN ('error-report', 'error-report-retraction')
  AND item_id IN (SELECT 'user-card:' || old_id FROM user_card_renames);
UPDATE user_cards
SET item_id = (SELECT new_id FROM user_card_renames WHERE old_id = user_cards.item_id);
DROP TABLE user_card_renames;

ALTER TABLE user_decks ADD COLUMN uuid TEXT;
UPDATE user_decks SET uuid = 'deck-' || imported_ms || '-' || id;
CREATE UNIQUE INDEX user_decks_by_uuid ON user_decks (uuid);

INSERT OR IGNORE INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin)
SELECT 'deck-import-' || uuid, imported_ms, 0, 'history', 'deck-import', uuid,
       'format=' || replace(replace(replace(replace(replace(replace(format, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&imported=' || imported_ms
           || '&name=' || replace(replace(replace(replace(replace(replace(name, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&source=' || replace(replace(replace(replace(replace(replace(source_file, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || coalesce('&task=' || replace(replace(replace(replace(replace(replace(task, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A'), ''),
       'local'
FROM user_decks;

-- A card's position in the new-card queue is where the import put it: after the bundle, in file order.
INSERT OR IGNORE INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin)
SELECT 'user-card-' || c.item_id, c.created_ms, 0, 'history', 'user-card', c.item_id,
       'anki-deck=' || replace(replace(replace(replace(replace(replace(c.anki_deck, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&back=' || replace(replace(replace(replace(replace(replace(c.back, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&created=' || c.created_ms
           || '&deck=' || replace(replace(replace(replace(replace(replace(d.uuid, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&front=' || replace(replace(replace(replace(replace(replace(c.front, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&guid=' || replace(replace(replace(replace(replace(replace(c.guid, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&note-key=' || replace(replace(replace(replace(replace(replace(c.note_key, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&position=' || (1000000000 + c.created_ms % 1000000000 + c.id)
           || '&tags=' || replace(replace(replace(replace(replace(replace(c.tags, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || coalesce('&task=' || replace(replace(replace(replace(replace(replace(c.task, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A'), ''),
       'local'
FROM user_cards c
JOIN user_decks d ON d.id = c.deck_id;
