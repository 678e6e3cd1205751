-- Version 14: error reports sync between devices as events. Each report has a UUID, so reports filed on
-- two devices never collide; filing one is an error-report event with that id, removing one an
-- error-report-retraction naming it. Reports filed before become events once, with ids derived from
-- their content, so two copies of one store make the same ids. Payloads are spelled as sync::Payload
-- writes them (keys sorted; '%', '&', '=', tab, CR and LF escaped).
ALTER TABLE error_reports ADD COLUMN uuid TEXT;
UPDATE error_reports
SET uuid = 'report-' || item_kind || ':' || item_id || '-' || created_ms || '-' || id;
CREATE UNIQUE INDEX error_reports_by_uuid ON error_reports (uuid);

INSERT OR IGNORE INTO events (uuid, hlc_ms, hlc_counter, device, kind, item_id, payload, origin)
SELECT uuid, created_ms, 0, 'history', 'error-report', item_kind || ':' || item_id,
       'at=' || created_ms
           || '&bundle=' || replace(replace(replace(replace(replace(replace(bundle_id, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&comment=' || replace(replace(replace(replace(replace(replace(comment, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&reason=' || replace(replace(replace(replace(replace(replace(reason, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A')
           || '&version=' || replace(replace(replace(replace(replace(replace(bundle_version, '%', '%25'), '&', '%26'), '=', '%3D'), char(9), '%09'), char(13), '%0D'), char(10), '%0A'),
       'local'
FROM error_reports;
