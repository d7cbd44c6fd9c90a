-- 0010: the demand list and figures at scale. Resolution time in working hours is stored when a demand is
-- resolved (the figures average it in SQL), and the list/figures get indexes for their order and period.
ALTER TABLE "dem_demands" ADD COLUMN "ResolveHours" REAL NULL;

-- Backfill demands resolved before this column existed with the same calendar the app uses
-- (WorkingCalendar.Default: Monday–Friday 09:00–17:00 Beijing time, no listed holidays):
-- hours(a, b) = W(b) - W(a), where W(t) counts working hours since Monday 1970-01-05 00:00 Beijing time.
UPDATE "dem_demands" SET "ResolveHours" = MAX(0,
    (SELECT CAST(s / 604800 AS INTEGER) * 40 + MIN(CAST(s / 86400 AS INTEGER) % 7, 5) * 8
            + CASE WHEN CAST(s / 86400 AS INTEGER) % 7 < 5 THEN MIN(MAX((s - CAST(s / 86400 AS INTEGER) * 86400) / 3600.0 - 9, 0), 8) ELSE 0 END
     FROM (SELECT (julianday("ResolvedAt") - 2440587.5) * 86400 - 316800 AS s))
  - (SELECT CAST(s / 604800 AS INTEGER) * 40 + MIN(CAST(s / 86400 AS INTEGER) % 7, 5) * 8
            + CASE WHEN CAST(s / 86400 AS INTEGER) % 7 < 5 THEN MIN(MAX((s - CAST(s / 86400 AS INTEGER) * 86400) / 3600.0 - 9, 0), 8) ELSE 0 END
     FROM (SELECT (julianday("CreatedAt") - 2440587.5) * 86400 - 316800 AS s)))
WHERE "ResolvedAt" IS NOT NULL AND "ResolveHours" IS NULL;

CREATE INDEX "IX_dem_demands_TenantId_CreatedAt_Id" ON "dem_demands" ("TenantId", "CreatedAt", "Id");

CREATE INDEX "IX_dem_demands_TenantId_State_CreatedAt" ON "dem_demands" ("TenantId", "State", "CreatedAt");

-- The subtree prefix as an index range (PostgreSQL: pattern operators, so LIKE 'path%' uses it under any collation).
CREATE INDEX "IX_dem_demands_TenantId_OrgPath_State" ON "dem_demands" ("TenantId", "OrgPath", "State");
