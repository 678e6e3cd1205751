-- Version 12: the options a learner struck through (ruled out) on an exam item, kept with the attempt as
-- on the real exam's driver: option ids, comma-separated like option_order; empty when none.
ALTER TABLE exam_items ADD COLUMN struck TEXT NOT NULL DEFAULT '';
