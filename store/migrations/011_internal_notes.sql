-- Version 11: notes marked internal live in a table of their own, one row
-- per record, so that a team workspace can let only the account's team and
-- leaders read them (row-level security works on rows, not on a column of
-- a row everyone may read). The record keeps its mark and an empty note.
CREATE TABLE internal_notes (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    notes       TEXT NOT NULL,
    PRIMARY KEY (record_kind, record_id)
);
CREATE INDEX internal_notes_account ON internal_notes(account_id);
INSERT INTO internal_notes (record_kind, record_id, account_id, notes)
    SELECT 'account', id, id, notes FROM accounts WHERE notes_internal <> 0 AND notes <> '';
INSERT INTO internal_notes (record_kind, record_id, account_id, notes)
    SELECT 'stakeholder', id, account_id, notes FROM stakeholders WHERE notes_internal <> 0 AND notes <> '';
INSERT INTO internal_notes (record_kind, record_id, account_id, notes)
    SELECT 'action', id, account_id, notes FROM actions WHERE notes_internal <> 0 AND notes <> '';
INSERT INTO internal_notes (record_kind, record_id, account_id, notes)
    SELECT 'whitespace_cell', id, account_id, note FROM whitespace_cells WHERE note_internal <> 0 AND note <> '';
UPDATE accounts SET notes = '' WHERE notes_internal <> 0;
UPDATE stakeholders SET notes = '' WHERE notes_internal <> 0;
UPDATE actions SET notes = '' WHERE notes_internal <> 0;
UPDATE whitespace_cells SET note = '' WHERE note_internal <> 0;
