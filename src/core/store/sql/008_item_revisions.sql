-- Version 8: the content revision each item's learning state was built on. When the bundle raises an
-- item's revision (its key or options changed), the learner's memory of the old item no longer holds:
-- the item goes back to relearning, its review history kept. Every state stored so far was built on
-- revision 1, the revision of an item that does not state one.
CREATE TABLE item_revisions (
    item_id  TEXT PRIMARY KEY NOT NULL,
    revision INTEGER NOT NULL CHECK (revision >= 1)
) WITHOUT ROWID;
INSERT INTO item_revisions (item_id, revision) SELECT item_id, 1 FROM item_states;
