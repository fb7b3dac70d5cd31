-- Version 6: an index on every column that names another row. SQLite
-- looks a row's referrers up whenever that row is added or removed while
-- references are being checked; without these, saving thousands of people
-- who report to each other scanned the table once per person.
CREATE INDEX stakeholders_reports_to ON stakeholders(reports_to);
CREATE INDEX stakeholders_dotted_line ON stakeholders(dotted_line);
CREATE INDEX team_assignments_account ON team_assignments(account_id);
CREATE INDEX team_assignments_member ON team_assignments(member_id);
CREATE INDEX coverage_account ON coverage(account_id);
CREATE INDEX coverage_member ON coverage(member_id);
CREATE INDEX coverage_stakeholder ON coverage(stakeholder_id);
CREATE INDEX influence_links_account ON influence_links(account_id);
CREATE INDEX influence_links_from ON influence_links(from_id);
CREATE INDEX influence_links_to ON influence_links(to_id);
CREATE INDEX goals_account ON goals(account_id);
CREATE INDEX initiatives_account ON initiatives(account_id);
CREATE INDEX initiatives_goal ON initiatives(goal_id);
CREATE INDEX initiatives_owner ON initiatives(owner_id);
CREATE INDEX whitespace_cells_account ON whitespace_cells(account_id);
CREATE INDEX opportunities_account ON opportunities(account_id);
CREATE INDEX opportunities_goal ON opportunities(goal_id);
CREATE INDEX actions_owner ON actions(owner_id);
CREATE INDEX actions_goal ON actions(goal_id);
CREATE INDEX period_figures_account ON period_figures(account_id);
CREATE INDEX scorecards_account ON scorecards(account_id);
CREATE INDEX scorecards_stakeholder ON scorecards(stakeholder_id);
CREATE INDEX planning_cycles_account ON planning_cycles(account_id);
CREATE INDEX review_meetings_account ON review_meetings(account_id);
CREATE INDEX review_meetings_cycle ON review_meetings(cycle_id);
