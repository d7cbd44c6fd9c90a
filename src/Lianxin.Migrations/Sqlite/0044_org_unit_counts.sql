-- Issue 15: grids, compounds, buildings and households per unit, kept in step on every save (ADR 0026), so that the
-- figures of a subtree are a sum over one row per unit instead of counts over the place tables.
CREATE TABLE org_unit_counts (
    "Id" TEXT NOT NULL CONSTRAINT "PK_org_unit_counts" PRIMARY KEY,
    "OrgPath" TEXT NOT NULL,
    "Grids" INTEGER NOT NULL,
    "GridsWithBranch" INTEGER NOT NULL,
    "Compounds" INTEGER NOT NULL,
    "CompoundsWithOwnBranch" INTEGER NOT NULL,
    "CompoundsCovered" INTEGER NOT NULL,
    "Buildings" INTEGER NOT NULL,
    "BuildingsWithLeader" INTEGER NOT NULL,
    "Households" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_org_unit_counts_range" ON org_unit_counts ("TenantId", "OrgPath");
CREATE INDEX "IX_org_unit_counts_TenantId_OrgPath" ON org_unit_counts ("TenantId", "OrgPath");

-- Filled from the rows already there; from now on every save keeps it in step, and rebuild-aggregates recomputes it.
INSERT INTO org_unit_counts ("Id", "TenantId", "OrgPath", "Grids", "GridsWithBranch", "Compounds", "CompoundsWithOwnBranch",
    "CompoundsCovered", "Buildings", "BuildingsWithLeader", "Households")
SELECT u."Id", u."TenantId", u."Path",
    (SELECT COUNT(*) FROM org_grids g WHERE g."TenantId" = u."TenantId" AND g."OrgPath" = u."Path"),
    (SELECT COUNT(*) FROM org_grids g WHERE g."TenantId" = u."TenantId" AND g."OrgPath" = u."Path" AND g."BranchId" IS NOT NULL),
    (SELECT COUNT(*) FROM org_compounds c WHERE c."TenantId" = u."TenantId" AND c."OrgPath" = u."Path"),
    (SELECT COUNT(*) FROM org_compounds c WHERE c."TenantId" = u."TenantId" AND c."OrgPath" = u."Path" AND c."BranchId" IS NOT NULL),
    (SELECT COUNT(*) FROM org_compounds c WHERE c."TenantId" = u."TenantId" AND c."OrgPath" = u."Path" AND (c."BranchId" IS NOT NULL
        OR EXISTS (SELECT 1 FROM org_grids g WHERE g."Id" = c."GridId" AND g."BranchId" IS NOT NULL))),
    (SELECT COUNT(*) FROM org_buildings b WHERE b."TenantId" = u."TenantId" AND b."OrgPath" = u."Path"),
    (SELECT COUNT(*) FROM org_buildings b WHERE b."TenantId" = u."TenantId" AND b."OrgPath" = u."Path" AND b."LeaderMemberId" IS NOT NULL),
    (SELECT COUNT(*) FROM org_households h WHERE h."TenantId" = u."TenantId" AND h."OrgPath" = u."Path")
FROM org_units u;
DELETE FROM org_unit_counts WHERE "Grids" = 0 AND "Compounds" = 0 AND "Buildings" = 0 AND "Households" = 0;
