-- Version 8: each imported record keeps its ID in the system it came from
-- (a CRM's Id, a planning sheet's key column), so that links between files
-- of one export resolve, and a re-import updates the record it made.
ALTER TABLE accounts ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
ALTER TABLE team_members ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
ALTER TABLE stakeholders ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
ALTER TABLE actions ADD COLUMN source_key TEXT NOT NULL DEFAULT '';
