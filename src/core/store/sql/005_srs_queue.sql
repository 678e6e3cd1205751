-- Version 5: the review queue reads "the first item of phase P due before T" on every card shown; an
-- index on (phase, due_ms) answers that without walking the overdue items of the other phases.
CREATE INDEX item_states_by_phase_due ON item_states (phase, due_ms);
