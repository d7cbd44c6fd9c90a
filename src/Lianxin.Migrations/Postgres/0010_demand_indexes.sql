-- 0010: the demand list and figures at scale. Resolution time in working hours is stored when a demand is
-- resolved (the figures average it in SQL), and the list/figures get indexes for their order and period.
ALTER TABLE dem_demands ADD "ResolveHours" double precision;

-- Backfill demands resolved before this column existed with the same calendar the app uses
-- (WorkingCalendar.Default: Monday–Friday 09:00–17:00 Beijing time, no listed holidays):
-- hours(a, b) = W(b) - W(a), where W(t) counts working hours since Monday 1970-01-05 00:00 Beijing time.
UPDATE dem_demands SET "ResolveHours" = GREATEST(0,
    (SELECT floor(s / 604800) * 40 + LEAST(floor(s / 86400)::bigint % 7, 5) * 8
            + CASE WHEN floor(s / 86400)::bigint % 7 < 5 THEN LEAST(GREATEST((s - floor(s / 86400) * 86400) / 3600.0 - 9, 0), 8) ELSE 0 END
     FROM (SELECT extract(epoch FROM "ResolvedAt")::double precision - 316800 AS s) b)
  - (SELECT floor(s / 604800) * 40 + LEAST(floor(s / 86400)::bigint % 7, 5) * 8
            + CASE WHEN floor(s / 86400)::bigint % 7 < 5 THEN LEAST(GREATEST((s - floor(s / 86400) * 86400) / 3600.0 - 9, 0), 8) ELSE 0 END
     FROM (SELECT extract(epoch FROM "CreatedAt")::double precision - 316800 AS s) a))
WHERE "ResolvedAt" IS NOT NULL AND "ResolveHours" IS NULL;

CREATE INDEX "IX_dem_demands_TenantId_CreatedAt_Id" ON dem_demands ("TenantId", "CreatedAt", "Id");

CREATE INDEX "IX_dem_demands_TenantId_State_CreatedAt" ON dem_demands ("TenantId", "State", "CreatedAt");

-- The subtree prefix as an index range (PostgreSQL: pattern operators, so LIKE 'path%' uses it under any collation).
CREATE INDEX "IX_dem_demands_TenantId_OrgPath_State" ON dem_demands ("TenantId", "OrgPath" varchar_pattern_ops, "State");
