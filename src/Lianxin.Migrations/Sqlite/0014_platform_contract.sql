-- 0014: the platform contract (ADR 0016). Tenants become Platform's own table; every scoped table gets an index
-- led by (TenantId, path): the scope filter is the range path >= root AND path < rootEnd on SQLite.
CREATE TABLE "plt_tenants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plt_tenants" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);
INSERT INTO "plt_tenants" ("Id", "Name", "CreatedAt")
SELECT "Id", substr("Name", 1, 100), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM "org_units" WHERE "Kind" = 'District' AND "ParentId" IS NULL;

CREATE INDEX "IX_dem_categories_TenantId_OrgPath" ON "dem_categories" ("TenantId", "OrgPath");
CREATE INDEX "IX_dem_open311_requests_TenantId_OrgPath" ON "dem_open311_requests" ("TenantId", "OrgPath");
CREATE INDEX "IX_dem_photos_TenantId_OrgPath" ON "dem_photos" ("TenantId", "OrgPath");
CREATE INDEX "IX_dem_service_slots_TenantId_OrgPath" ON "dem_service_slots" ("TenantId", "OrgPath");
CREATE INDEX "IX_dem_steps_TenantId_OrgPath" ON "dem_steps" ("TenantId", "OrgPath");
CREATE INDEX "IX_mem_central_household_links_TenantId_OrgPath" ON "mem_central_household_links" ("TenantId", "OrgPath");
CREATE INDEX "IX_mem_central_households_TenantId_OrgPath" ON "mem_central_households" ("TenantId", "OrgPath");
CREATE INDEX "IX_mem_dual_reports_TenantId_OrgPath" ON "mem_dual_reports" ("TenantId", "OrgPath");
CREATE INDEX "IX_mem_post_claims_TenantId_OrgPath" ON "mem_post_claims" ("TenantId", "OrgPath");
CREATE INDEX "IX_mem_status_changes_TenantId_OrgPath" ON "mem_status_changes" ("TenantId", "OrgPath");
CREATE INDEX "IX_mem_transfers_TenantId_OrgPath" ON "mem_transfers" ("TenantId", "OrgPath");
CREATE INDEX "IX_mem_zone_members_TenantId_OrgPath" ON "mem_zone_members" ("TenantId", "OrgPath");
CREATE INDEX "IX_mem_zones_TenantId_OrgPath" ON "mem_zones" ("TenantId", "OrgPath");
CREATE INDEX "IX_org_positions_TenantId_OrgPath" ON "org_positions" ("TenantId", "OrgPath");
CREATE INDEX "IX_plg_demands_TenantId_OrgPath" ON "plg_demands" ("TenantId", "OrgPath");
CREATE INDEX "IX_plg_photos_TenantId_OrgPath" ON "plg_photos" ("TenantId", "OrgPath");
CREATE INDEX "IX_plg_tasks_TenantId_OrgPath" ON "plg_tasks" ("TenantId", "OrgPath");
CREATE INDEX "IX_plg_updates_TenantId_OrgPath" ON "plg_updates" ("TenantId", "OrgPath");
CREATE INDEX "IX_rev_amendments_TenantId_OrgPath" ON "rev_amendments" ("TenantId", "OrgPath");
CREATE INDEX "IX_rev_findings_TenantId_OrgPath" ON "rev_findings" ("TenantId", "OrgPath");
CREATE INDEX "IX_rev_panelists_TenantId_OrgPath" ON "rev_panelists" ("TenantId", "OrgPath");
CREATE INDEX "IX_rev_photos_TenantId_OrgPath" ON "rev_photos" ("TenantId", "OrgPath");
CREATE INDEX "IX_rev_rectifications_TenantId_OrgPath" ON "rev_rectifications" ("TenantId", "OrgPath");
CREATE INDEX "IX_rev_round_units_TenantId_OrgPath" ON "rev_round_units" ("TenantId", "OrgPath");
CREATE INDEX "IX_rev_score_sheets_TenantId_OrgPath" ON "rev_score_sheets" ("TenantId", "OrgPath");
CREATE INDEX "IX_rev_star_awards_TenantId_OrgPath" ON "rev_star_awards" ("TenantId", "OrgPath");
