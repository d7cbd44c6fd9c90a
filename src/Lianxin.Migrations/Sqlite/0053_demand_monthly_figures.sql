-- Issue 15: a year of a street's demand figures summed ~250,000 daily rows (dem_daily_figures has about one row per demand
-- once a street's demands spread over its grids). The same sums per unit and calendar month (ADR 0045) are kept in the
-- same transaction as the daily ones; a period reads the months it covers whole from here and only its partial months at
-- the ends from the daily rows. Same grain otherwise (unit path, category, level, handler), so a move rebases it the same way.
CREATE TABLE dem_monthly_figures (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_monthly_figures" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Month" TEXT NOT NULL,
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
CREATE INDEX "IX_dem_monthly_figures_range" ON dem_monthly_figures ("TenantId", "OrgPath", "Month");
CREATE INDEX "IX_dem_monthly_figures_period" ON dem_monthly_figures ("TenantId", "Month", "OrgPath");
-- A street's or a district's few days: the date range first, the path inside it. The (path, day) index alone made a period
-- of a large subtree read every row of the subtree (issue 15: 30 days of a street read all its 495,000 daily rows).
CREATE INDEX "IX_dem_daily_figures_period" ON dem_daily_figures ("TenantId", "Day", "OrgPath");
CREATE UNIQUE INDEX "IX_dem_monthly_figures_row" ON dem_monthly_figures ("TenantId", "UnitId", "Month", "CategoryName", "Level", "HandlerUnitId");
CREATE INDEX "IX_dem_monthly_figures_TenantId_OrgPath" ON dem_monthly_figures ("TenantId", "OrgPath");

-- Filled from the daily rows already there (they hold the same sums by day); from now on every save keeps both. Ids as EF
-- stores them (upper case with dashes), the month as 'yyyy-MM-01'.
INSERT INTO dem_monthly_figures ("Id", "TenantId", "UnitId", "OrgPath", "Month", "CategoryName", "Level", "HandlerUnitId",
    "Received", "Responded", "RespondedInTime", "Resolved", "ResolvedWithTime", "Timed", "Overdue", "Satisfied",
    "BasicallySatisfied", "Unsatisfied", "Hours")
SELECT upper(substr(hex(randomblob(16)), 1, 8) || '-' || substr(hex(randomblob(16)), 9, 4) || '-' || substr(hex(randomblob(16)), 13, 4) || '-' || substr(hex(randomblob(16)), 17, 4) || '-' || substr(hex(randomblob(16)), 21, 12)),
    "TenantId", "UnitId", MIN("OrgPath"), substr("Day", 1, 8) || '01', "CategoryName", "Level", "HandlerUnitId",
    SUM("Received"), SUM("Responded"), SUM("RespondedInTime"), SUM("Resolved"), SUM("ResolvedWithTime"), SUM("Timed"), SUM("Overdue"),
    SUM("Satisfied"), SUM("BasicallySatisfied"), SUM("Unsatisfied"), SUM("Hours")
FROM dem_daily_figures
GROUP BY "TenantId", "UnitId", substr("Day", 1, 8) || '01', "CategoryName", "Level", "HandlerUnitId";
