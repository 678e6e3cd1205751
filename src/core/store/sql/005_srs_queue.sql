-- Version 5: the review queue reads "the first item of phase P due before T" on every card shown; an
-- index on (phase, due_ms) answers that without walking the overdue items of the other phases.
CREATE INDEX item_states_by_phase_due ON item_states (phase, due_ms);
-- The daily limits count today's Review-screen answers per phase before each item is shown; this index
-- answers that count from the index alone.
CREATE INDEX review_log_by_source_phase_time ON review_log (source, phase_before, reviewed_ms);
