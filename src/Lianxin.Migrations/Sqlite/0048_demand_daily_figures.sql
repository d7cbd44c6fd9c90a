-- Issue 15: what the demands of each unit received on each Beijing day add to the figures, per category, level and
-- handling unit, kept in step on every save (ADR 0035), so that a year of a street's figures is a sum over these rows
-- instead of a GROUP BY over every demand.
CREATE TABLE dem_daily_figures (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_daily_figures" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "CategoryName" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "HandlerUnitId" TEXT NOT NULL,
    "Received" INTEGER NOT NULL,
    "Responded" INTEGER NOT NULL,
    "RespondedInTime" INTEGER NOT NULL,
    "Resolved" INTEGER NOT NULL,
    "ResolvedWithTime" INTEGER NOT NULL,
    "Timed" INTEGER NOT NULL,
    "Hours" REAL NOT NULL,
    "Overdue" INTEGER NOT NULL,
    "Satisfied" INTEGER NOT NULL,
    "BasicallySatisfied" INTEGER NOT NULL,
    "Unsatisfied" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_dem_daily_figures_range" ON dem_daily_figures ("TenantId", "OrgPath", "Day");
CREATE UNIQUE INDEX "IX_dem_daily_figures_row" ON dem_daily_figures ("TenantId", "UnitId", "Day", "CategoryName", "Level", "HandlerUnitId");
CREATE INDEX "IX_dem_daily_figures_TenantId_OrgPath" ON dem_daily_figures ("TenantId", "OrgPath");

-- Filled from the demands already there (the definition of DemandContribution: merged duplicates count nowhere); from now
-- on every save keeps it in step, and rebuild-aggregates recomputes it. The unit is the last id of the path, ids are
-- stored as EF stores them (upper case with dashes), the day as 'yyyy-MM-dd'.
INSERT INTO dem_daily_figures ("Id", "TenantId", "UnitId", "OrgPath", "Day", "CategoryName", "Level", "HandlerUnitId",
    "Received", "Responded", "RespondedInTime", "Resolved", "ResolvedWithTime", "Timed", "Overdue", "Satisfied",
    "BasicallySatisfied", "Unsatisfied", "Hours")
SELECT upper(substr(hex(randomblob(16)), 1, 8) || '-' || substr(hex(randomblob(16)), 9, 4) || '-' || substr(hex(randomblob(16)), 13, 4) || '-' || substr(hex(randomblob(16)), 17, 4) || '-' || substr(hex(randomblob(16)), 21, 12)),
    "TenantId", upper(substr(substr("OrgPath", length("OrgPath") - 32, 32), 1, 8) || '-' || substr(substr("OrgPath", length("OrgPath") - 32, 32), 9, 4) || '-' || substr(substr("OrgPath", length("OrgPath") - 32, 32), 13, 4) || '-' || substr(substr("OrgPath", length("OrgPath") - 32, 32), 17, 4) || '-' || substr(substr("OrgPath", length("OrgPath") - 32, 32), 21, 12)),
    "OrgPath", "Day", "CategoryName", "Level", "HandlerUnitId",
    COUNT(*),
    SUM(CASE WHEN "FirstResponseAt" IS NOT NULL THEN 1 ELSE 0 END),
    SUM(CASE WHEN "FirstResponseAt" IS NOT NULL AND ("FirstResponseDueAt" IS NULL OR "FirstResponseAt" <= "FirstResponseDueAt") THEN 1 ELSE 0 END),
    SUM(CASE WHEN "State" IN ('Resolved', 'Closed') THEN 1 ELSE 0 END),
    SUM(CASE WHEN "State" IN ('Resolved', 'Closed') AND "ResolvedAt" IS NOT NULL THEN 1 ELSE 0 END),
    SUM(CASE WHEN "State" IN ('Resolved', 'Closed') AND "ResolveHours" IS NOT NULL THEN 1 ELSE 0 END),
    SUM(CASE WHEN "Overdue" THEN 1 ELSE 0 END),
    SUM(CASE WHEN "State" = 'Closed' AND "Rating" = 'Satisfied' THEN 1 ELSE 0 END),
    SUM(CASE WHEN "State" = 'Closed' AND "Rating" = 'BasicallySatisfied' THEN 1 ELSE 0 END),
    SUM(CASE WHEN "State" = 'Closed' AND "Rating" = 'Unsatisfied' THEN 1 ELSE 0 END),
    SUM(CASE WHEN "State" IN ('Resolved', 'Closed') AND "ResolveHours" IS NOT NULL THEN "ResolveHours" ELSE 0 END)
FROM (SELECT *, date("CreatedAt", '+8 hours') AS "Day" FROM dem_demands WHERE "State" <> 'Merged' AND length("OrgPath") >= 34)
GROUP BY "TenantId", "OrgPath", "Day", "CategoryName", "Level", "HandlerUnitId";
