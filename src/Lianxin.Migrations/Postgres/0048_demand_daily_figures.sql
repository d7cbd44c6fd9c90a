-- Issue 15: what the demands of each unit received on each Beijing day add to the figures, per category, level and
-- handling unit, kept in step on every save (ADR 0035), so that a year of a street's figures is a sum over these rows
-- instead of a GROUP BY over every demand. The path is compared in byte order (collation "C") so that a subtree is a plain
-- index range whatever the database's collation.
CREATE TABLE dem_daily_figures (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Day" date NOT NULL,
    "CategoryName" character varying(40) NOT NULL,
    "Level" character varying(40) NOT NULL,
    "HandlerUnitId" uuid NOT NULL,
    "Received" integer NOT NULL,
    "Responded" integer NOT NULL,
    "RespondedInTime" integer NOT NULL,
    "Resolved" integer NOT NULL,
    "ResolvedWithTime" integer NOT NULL,
    "Timed" integer NOT NULL,
    "Hours" double precision NOT NULL,
    "Overdue" integer NOT NULL,
    "Satisfied" integer NOT NULL,
    "BasicallySatisfied" integer NOT NULL,
    "Unsatisfied" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_daily_figures" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_dem_daily_figures_range" ON dem_daily_figures ("TenantId", "OrgPath", "Day");
CREATE UNIQUE INDEX "IX_dem_daily_figures_row" ON dem_daily_figures ("TenantId", "UnitId", "Day", "CategoryName", "Level", "HandlerUnitId");
CREATE INDEX "IX_dem_daily_figures_TenantId_OrgPath" ON dem_daily_figures ("TenantId", "OrgPath" varchar_pattern_ops);

-- Filled from the demands already there (the definition of DemandContribution: merged duplicates count nowhere); from now
-- on every save keeps it in step, and rebuild-aggregates recomputes it. The unit is the last id of the path.
INSERT INTO dem_daily_figures ("Id", "TenantId", "UnitId", "OrgPath", "Day", "CategoryName", "Level", "HandlerUnitId",
    "Received", "Responded", "RespondedInTime", "Resolved", "ResolvedWithTime", "Timed", "Overdue", "Satisfied",
    "BasicallySatisfied", "Unsatisfied", "Hours")
SELECT gen_random_uuid(), "TenantId", substr("OrgPath", length("OrgPath") - 32, 32)::uuid, "OrgPath", "Day", "CategoryName", "Level", "HandlerUnitId",
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
FROM (SELECT *, (("CreatedAt" AT TIME ZONE 'UTC') + interval '8 hours')::date AS "Day" FROM dem_demands
      WHERE "State" <> 'Merged' AND length("OrgPath") >= 34) d
GROUP BY "TenantId", "OrgPath", "Day", "CategoryName", "Level", "HandlerUnitId";
