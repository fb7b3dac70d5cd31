-- Version 10: a record's IDs in the systems it was imported from live in a
-- table of their own, one row per record and source (its Salesforce ID and
-- its HubSpot ID side by side), instead of one source_key column per
-- record. Keys stored before are kept under the source "Imported".
CREATE TABLE external_keys (
    id          TEXT PRIMARY KEY,
    account_id  TEXT REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    source      TEXT NOT NULL,
    key         TEXT NOT NULL,
    UNIQUE (record_kind, record_id, source)
);
CREATE INDEX external_keys_account ON external_keys(account_id);
CREATE INDEX external_keys_key ON external_keys(record_kind, key);
INSERT INTO external_keys (id, account_id, record_kind, record_id, source, key)
    SELECT lower(hex(randomblob(16))), id, 'account', id, 'Imported', source_key FROM accounts WHERE source_key <> '';
INSERT INTO external_keys (id, account_id, record_kind, record_id, source, key)
    SELECT lower(hex(randomblob(16))), NULL, 'team_member', id, 'Imported', source_key FROM team_members WHERE source_key <> '';
INSERT INTO external_keys (id, account_id, record_kind, record_id, source, key)
    SELECT lower(hex(randomblob(16))), account_id, 'stakeholder', id, 'Imported', source_key FROM stakeholders WHERE source_key <> '';
INSERT INTO external_keys (id, account_id, record_kind, record_id, source, key)
    SELECT lower(hex(randomblob(16))), account_id, 'opportunity', id, 'Imported', source_key FROM opportunities WHERE source_key <> '';
INSERT INTO external_keys (id, account_id, record_kind, record_id, source, key)
    SELECT lower(hex(randomblob(16))), account_id, 'action', id, 'Imported', source_key FROM actions WHERE source_key <> '';
ALTER TABLE accounts DROP COLUMN source_key;
ALTER TABLE team_members DROP COLUMN source_key;
ALTER TABLE stakeholders DROP COLUMN source_key;
ALTER TABLE opportunities DROP COLUMN source_key;
ALTER TABLE actions DROP COLUMN source_key;
