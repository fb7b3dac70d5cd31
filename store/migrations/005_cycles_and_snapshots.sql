-- Version 5: closed planning cycles keep a read-only archive, and each
-- review meeting remembers how the account stood, so the next review can
-- show what changed.
ALTER TABLE planning_cycles ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE planning_cycles ADD COLUMN archive TEXT NOT NULL DEFAULT '';
ALTER TABLE review_meetings ADD COLUMN snapshot TEXT NOT NULL DEFAULT '';
