-- 0056 (ADR 0056): the escalation job's batch (open demands nobody flagged yet, past a deadline, by resolve due time) read
-- the street's demands in full and sorted them: 280–630 ms a minute on a 500,000-demand street. This index holds only open,
-- unflagged demands, in due order, so the batch reads its 200 rows from the front of a small index; a demand leaves it
-- when it is flagged (亮灯) or closed.
CREATE INDEX "IX_dem_demands_open_due" ON dem_demands ("TenantId", "ResolveDueAt")
    WHERE NOT "Overdue" AND "State" IN ('Submitted', 'Accepted', 'Dispatched');
