-- Version 4: when an opportunity was opened, and internal marks on the
-- plan's remaining free-text fields.
ALTER TABLE opportunities ADD COLUMN created TEXT NOT NULL DEFAULT '';
ALTER TABLE initiatives ADD COLUMN internal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE whitespace_cells ADD COLUMN note_internal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE team_assignments ADD COLUMN internal INTEGER NOT NULL DEFAULT 0;
