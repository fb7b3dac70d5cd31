-- Version 12: every record's version, and who saved it last and when, so
-- that an edit made against an older version can say who changed what
-- meanwhile. One row per record ever saved (kept after a delete, marked);
-- the settings are the record ('settings', 'settings').
CREATE TABLE record_changes (
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    account_id  TEXT,
    version     INTEGER NOT NULL,
    changed_by  TEXT NOT NULL DEFAULT '',
    changed_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (record_kind, record_id)
);
CREATE INDEX record_changes_account ON record_changes(account_id);
