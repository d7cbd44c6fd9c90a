-- Issue 15: a year of a street's demand figures summed ~250,000 daily rows (dem_daily_figures has about one row per demand
-- once a street's demands spread over its grids). The same sums per unit and calendar month (ADR 0045) are kept in the
-- same transaction as the daily ones; a period reads the months it covers whole from here and only its partial months at
-- the ends from the daily rows. Same grain otherwise (unit path, category, level, handler), so a move rebases it the same way.
CREATE TABLE dem_monthly_figures (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) COLLATE "C" NOT NULL,
    "Month" date NOT NULL,
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
    CONSTRAINT "PK_dem_monthly_figures" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_dem_monthly_figures_range" ON dem_monthly_figures ("TenantId", "OrgPath", "Month");
CREATE INDEX "IX_dem_monthly_figures_period" ON dem_monthly_figures ("TenantId", "Month", "OrgPath");
-- A street's or a district's few days: the date range first, the path inside it. The (path, day) index alone made a period
-- of a large subtree read every row of the subtree (issue 15: 30 days of a street read all its 495,000 daily rows).
CREATE INDEX "IX_dem_daily_figures_period" ON dem_daily_figures ("TenantId", "Day", "OrgPath");
CREATE UNIQUE INDEX "IX_dem_monthly_figures_row" ON dem_monthly_figures ("TenantId", "UnitId", "Month", "CategoryName", "Level", "HandlerUnitId");
CREATE INDEX "IX_dem_monthly_figures_TenantId_OrgPath" ON dem_monthly_figures ("TenantId", "OrgPath" varchar_pattern_ops);

-- Filled from the daily rows already there (they hold the same sums by day); from now on every save keeps both.
INSERT INTO dem_monthly_figures ("Id", "TenantId", "UnitId", "OrgPath", "Month", "CategoryName", "Level", "HandlerUnitId",
    "Received", "Responded", "RespondedInTime", "Resolved", "ResolvedWithTime", "Timed", "Overdue", "Satisfied",
    "BasicallySatisfied", "Unsatisfied", "Hours")
SELECT gen_random_uuid(), "TenantId", "UnitId", MIN("OrgPath"), date_trunc('month', "Day")::date, "CategoryName", "Level", "HandlerUnitId",
    SUM("Received"), SUM("Responded"), SUM("RespondedInTime"), SUM("Resolved"), SUM("ResolvedWithTime"), SUM("Timed"), SUM("Overdue"),
    SUM("Satisfied"), SUM("BasicallySatisfied"), SUM("Unsatisfied"), SUM("Hours")
FROM dem_daily_figures
GROUP BY "TenantId", "UnitId", date_trunc('month', "Day")::date, "CategoryName", "Level", "HandlerUnitId";
