-- 0022: Demands. A demand about a compound with its own branch (拆—转—建) is handled there first; each street sets
-- its own rules (extra days per level, satisfaction points, reopens); a signed-in resident's demands carry their id.
ALTER TABLE "dem_demands" ADD COLUMN "CompoundUnitId" TEXT NULL;
ALTER TABLE "dem_demands" ADD COLUMN "FiledByUserId" TEXT NULL;
CREATE INDEX "IX_dem_demands_TenantId_FiledByUserId" ON "dem_demands" ("TenantId", "FiledByUserId");

CREATE TABLE "dem_street_settings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_street_settings" PRIMARY KEY,
    "StreetId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ExtraResolveDaysPerLevel" INTEGER NOT NULL,
    "SatisfiedWeight" INTEGER NOT NULL,
    "BasicallySatisfiedWeight" INTEGER NOT NULL,
    "MaxReopens" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_dem_street_settings_TenantId_OrgPath" ON "dem_street_settings" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_dem_street_settings_TenantId_StreetId" ON "dem_street_settings" ("TenantId", "StreetId");
