-- 0014: the platform contract (ADR 0016). Tenants become Platform's own table (jobs and start-up find every
-- district without reading a module's tables); every scoped table gets an index led by (TenantId, path) with
-- pattern operators, so that the scope filter's LIKE 'root%' is an index range under any collation.
CREATE TABLE plt_tenants (
    "Id" uuid NOT NULL,
    "Name" character varying(100) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_plt_tenants" PRIMARY KEY ("Id")
);
INSERT INTO plt_tenants ("Id", "Name", "CreatedAt")
SELECT "Id", left("Name", 100), now() FROM org_units WHERE "Kind" = 'District' AND "ParentId" IS NULL;

CREATE INDEX "IX_dem_categories_TenantId_OrgPath" ON dem_categories ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_dem_dispatches_TenantId_OrgPath_State";
CREATE INDEX "IX_dem_dispatches_TenantId_OrgPath_State" ON dem_dispatches ("TenantId", "OrgPath" varchar_pattern_ops, "State");
DROP INDEX "IX_dem_open311_clients_TenantId_OrgPath";
CREATE INDEX "IX_dem_open311_clients_TenantId_OrgPath" ON dem_open311_clients ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_dem_open311_requests_TenantId_OrgPath" ON dem_open311_requests ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_dem_photos_TenantId_OrgPath" ON dem_photos ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_dem_service_slots_TenantId_OrgPath" ON dem_service_slots ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_dem_steps_TenantId_OrgPath" ON dem_steps ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_idn_role_grants_TenantId_OrgPath";
CREATE INDEX "IX_idn_role_grants_TenantId_OrgPath" ON idn_role_grants ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_mem_central_household_links_TenantId_OrgPath" ON mem_central_household_links ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_mem_central_households_TenantId_OrgPath" ON mem_central_households ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_mem_dual_reports_TenantId_OrgPath" ON mem_dual_reports ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_mem_import_jobs_TenantId_OrgPath";
CREATE INDEX "IX_mem_import_jobs_TenantId_OrgPath" ON mem_import_jobs ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_mem_members_TenantId_OrgPath";
CREATE INDEX "IX_mem_members_TenantId_OrgPath" ON mem_members ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_mem_post_claims_TenantId_OrgPath" ON mem_post_claims ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_mem_posts_TenantId_OrgPath";
CREATE INDEX "IX_mem_posts_TenantId_OrgPath" ON mem_posts ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_mem_status_changes_TenantId_OrgPath" ON mem_status_changes ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_mem_transfers_TenantId_OrgPath" ON mem_transfers ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_mem_zone_members_TenantId_OrgPath" ON mem_zone_members ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_mem_zones_TenantId_OrgPath" ON mem_zones ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_org_buildings_TenantId_OrgPath";
CREATE INDEX "IX_org_buildings_TenantId_OrgPath" ON org_buildings ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_org_compounds_TenantId_OrgPath";
CREATE INDEX "IX_org_compounds_TenantId_OrgPath" ON org_compounds ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_org_grids_TenantId_OrgPath";
CREATE INDEX "IX_org_grids_TenantId_OrgPath" ON org_grids ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_org_households_TenantId_OrgPath";
CREATE INDEX "IX_org_households_TenantId_OrgPath" ON org_households ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_org_positions_TenantId_OrgPath" ON org_positions ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_plg_demands_TenantId_OrgPath" ON plg_demands ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_plg_photos_TenantId_OrgPath" ON plg_photos ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_plg_pledges_TenantId_OrgPath_DueOn";
CREATE INDEX "IX_plg_pledges_TenantId_OrgPath_DueOn" ON plg_pledges ("TenantId", "OrgPath" varchar_pattern_ops, "DueOn");
CREATE INDEX "IX_plg_tasks_TenantId_OrgPath" ON plg_tasks ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_plg_updates_TenantId_OrgPath" ON plg_updates ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_rev_amendments_TenantId_OrgPath" ON rev_amendments ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_rev_findings_TenantId_OrgPath" ON rev_findings ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_rev_panelists_TenantId_OrgPath" ON rev_panelists ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_rev_photos_TenantId_OrgPath" ON rev_photos ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_rev_rectifications_TenantId_OrgPath" ON rev_rectifications ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_rev_round_units_TenantId_OrgPath" ON rev_round_units ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_rev_rounds_TenantId_OrgPath";
CREATE INDEX "IX_rev_rounds_TenantId_OrgPath" ON rev_rounds ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_rev_rubrics_TenantId_OrgPath";
CREATE INDEX "IX_rev_rubrics_TenantId_OrgPath" ON rev_rubrics ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_rev_score_sheets_TenantId_OrgPath" ON rev_score_sheets ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_rev_star_awards_TenantId_OrgPath" ON rev_star_awards ("TenantId", "OrgPath" varchar_pattern_ops);
DROP INDEX "IX_org_units_TenantId_Path";
CREATE UNIQUE INDEX "IX_org_units_TenantId_Path" ON org_units ("TenantId", "Path" varchar_pattern_ops);
