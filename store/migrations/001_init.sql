-- Orchard workspace schema, version 1.
-- Money is integer minor units in the currency of its account; dates are
-- ISO text (YYYY-MM-DD, '' when unset); timestamps are UTC RFC 3339.
-- Foreign keys are deferred so a transaction can delete or restore a tree of
-- records in any order and is checked once, at commit.

PRAGMA application_id = 1330791240; -- "ORCH"

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE accounts (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    industry          TEXT NOT NULL DEFAULT '',
    region            TEXT NOT NULL DEFAULT '',
    owner             TEXT NOT NULL DEFAULT '',
    currency          TEXT NOT NULL,
    revenue           INTEGER NOT NULL DEFAULT 0,
    prev_revenue      INTEGER NOT NULL DEFAULT 0,
    margin_pct        REAL NOT NULL DEFAULT 0,
    potential         INTEGER NOT NULL DEFAULT 0,
    outlook           TEXT NOT NULL DEFAULT '',
    objective         TEXT NOT NULL DEFAULT '',
    answers           TEXT NOT NULL DEFAULT '', -- eight digits 0-5, in model.Questions order
    priority_override INTEGER NOT NULL DEFAULT 0,
    placed            INTEGER NOT NULL DEFAULT 0,
    place_x           REAL NOT NULL DEFAULT 0,
    place_y           REAL NOT NULL DEFAULT 0,
    notes             TEXT NOT NULL DEFAULT '',
    notes_internal    INTEGER NOT NULL DEFAULT 0,
    updated           TEXT NOT NULL DEFAULT ''
);

CREATE TABLE team_members (
    id       TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    function TEXT NOT NULL DEFAULT '',
    email    TEXT NOT NULL DEFAULT '',
    title    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE stakeholders (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    name           TEXT NOT NULL,
    title          TEXT NOT NULL DEFAULT '',
    department     TEXT NOT NULL DEFAULT '',
    reports_to     TEXT REFERENCES stakeholders(id) DEFERRABLE INITIALLY DEFERRED,
    dotted_line    TEXT REFERENCES stakeholders(id) DEFERRABLE INITIALLY DEFERRED,
    role           TEXT NOT NULL DEFAULT '',
    influence      INTEGER NOT NULL DEFAULT 0,
    attitude       INTEGER NOT NULL DEFAULT 0,
    concerns       TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    notes_internal INTEGER NOT NULL DEFAULT 0,
    last_contact   TEXT NOT NULL DEFAULT '',
    placed         INTEGER NOT NULL DEFAULT 0,
    map_x          REAL NOT NULL DEFAULT 0,
    map_y          REAL NOT NULL DEFAULT 0
);
CREATE INDEX stakeholders_account ON stakeholders(account_id);

CREATE TABLE team_assignments (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    member_id      TEXT NOT NULL REFERENCES team_members(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    responsibility TEXT NOT NULL DEFAULT ''
);

CREATE TABLE coverage (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    member_id      TEXT NOT NULL REFERENCES team_members(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    strength       INTEGER NOT NULL
);

CREATE TABLE influence_links (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    from_id    TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    to_id      TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    kind       TEXT NOT NULL,
    strength   INTEGER NOT NULL
);

CREATE TABLE goals (
    id          TEXT PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    title       TEXT NOT NULL,
    measure     TEXT NOT NULL DEFAULT '',
    target_date TEXT NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0,
    internal    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE initiatives (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    goal_id    TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    department TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL,
    owner_id   TEXT REFERENCES stakeholders(id) DEFERRABLE INITIALLY DEFERRED,
    sort_order INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE whitespace_cells (
    id            TEXT PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    business_unit TEXT NOT NULL,
    offering      TEXT NOT NULL,
    state         TEXT NOT NULL,
    revenue       INTEGER NOT NULL DEFAULT 0,
    competitor    TEXT NOT NULL DEFAULT '',
    note          TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, business_unit, offering)
);

CREATE TABLE opportunities (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    name           TEXT NOT NULL,
    offering       TEXT NOT NULL DEFAULT '',
    business_unit  TEXT NOT NULL DEFAULT '',
    value          INTEGER NOT NULL DEFAULT 0,
    currency       TEXT NOT NULL,
    stage          TEXT NOT NULL DEFAULT '',
    probability    INTEGER NOT NULL DEFAULT 0,
    expected_close TEXT NOT NULL DEFAULT '',
    goal_id        TEXT REFERENCES goals(id) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE actions (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    title           TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    owner_id        TEXT REFERENCES team_members(id) DEFERRABLE INITIALLY DEFERRED,
    function        TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL,
    due             TEXT NOT NULL DEFAULT '',
    horizon         TEXT NOT NULL DEFAULT '',
    goal_id         TEXT REFERENCES goals(id) DEFERRABLE INITIALLY DEFERRED,
    customer_agreed INTEGER NOT NULL DEFAULT 0,
    expected_impact INTEGER NOT NULL DEFAULT 0,
    actual_impact   INTEGER NOT NULL DEFAULT 0,
    board_order     REAL NOT NULL DEFAULT 0,
    notes           TEXT NOT NULL DEFAULT '',
    notes_internal  INTEGER NOT NULL DEFAULT 0,
    lesson          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actions_account ON actions(account_id, status, board_order);

CREATE TABLE period_figures (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    period     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    revenue    INTEGER NOT NULL DEFAULT 0,
    margin     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, period, kind)
);

CREATE TABLE scorecards (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    date           TEXT NOT NULL,
    stakeholder_id TEXT REFERENCES stakeholders(id) DEFERRABLE INITIALLY DEFERRED,
    comment        TEXT NOT NULL DEFAULT ''
);

CREATE TABLE scorecard_scores (
    scorecard_id TEXT NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    criterion    TEXT NOT NULL,
    score        INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
    PRIMARY KEY (scorecard_id, criterion)
);

CREATE TABLE planning_cycles (
    id             TEXT PRIMARY KEY,
    account_id     TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    name           TEXT NOT NULL,
    start_date     TEXT NOT NULL,
    end_date       TEXT NOT NULL,
    revenue_target INTEGER NOT NULL DEFAULT 0,
    margin_target  INTEGER NOT NULL DEFAULT 0,
    customer_wants TEXT NOT NULL DEFAULT '',
    learnings      TEXT NOT NULL DEFAULT ''
);

CREATE TABLE review_meetings (
    id         TEXT PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    cycle_id   TEXT REFERENCES planning_cycles(id) DEFERRABLE INITIALLY DEFERRED,
    date       TEXT NOT NULL,
    attendees  TEXT NOT NULL DEFAULT '',
    decisions  TEXT NOT NULL DEFAULT '',
    notes      TEXT NOT NULL DEFAULT '',
    next_date  TEXT NOT NULL DEFAULT ''
);
