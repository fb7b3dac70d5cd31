-- Version 2: where each account stood on the quadrant at earlier reviews.
CREATE TABLE position_marks (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    date       TEXT NOT NULL,
    label      TEXT NOT NULL DEFAULT '',
    x          REAL NOT NULL,
    y          REAL NOT NULL
);
CREATE INDEX position_marks_account ON position_marks(account_id, date);
