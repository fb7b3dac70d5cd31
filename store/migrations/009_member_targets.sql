-- Version 9: a period figure belongs to an account or to a team member (a
-- seller's own revenue target). SQLite cannot relax NOT NULL in place, so
-- the table is rebuilt with the same rows.
CREATE TABLE period_figures_v9 (
    id         TEXT PRIMARY KEY,
    account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    member_id  TEXT REFERENCES team_members(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    period     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    revenue    INTEGER NOT NULL DEFAULT 0,
    margin     INTEGER NOT NULL DEFAULT 0,
    CHECK ((account_id IS NULL) <> (member_id IS NULL)),
    UNIQUE (account_id, period, kind),
    UNIQUE (member_id, period, kind)
);
INSERT INTO period_figures_v9 (id, account_id, member_id, period, kind, revenue, margin)
    SELECT id, account_id, NULL, period, kind, revenue, margin FROM period_figures;
DROP TABLE period_figures;
ALTER TABLE period_figures_v9 RENAME TO period_figures;
CREATE INDEX period_figures_account ON period_figures(account_id);
CREATE INDEX period_figures_member ON period_figures(member_id);
