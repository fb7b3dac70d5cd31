-- Version 3: the customer stakeholders an action involves.
CREATE TABLE action_stakeholders (
    action_id      TEXT NOT NULL REFERENCES actions(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    stakeholder_id TEXT NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (action_id, stakeholder_id)
);
CREATE INDEX action_stakeholders_stakeholder ON action_stakeholders(stakeholder_id);
