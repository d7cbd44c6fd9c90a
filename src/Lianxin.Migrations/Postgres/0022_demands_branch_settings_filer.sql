-- 0022: Demands. A demand about a compound with its own branch (拆—转—建) is handled there first; each street sets
-- its own rules (extra days per level, satisfaction points, reopens); a signed-in resident's demands carry their id.
ALTER TABLE dem_demands ADD COLUMN "CompoundUnitId" uuid;
ALTER TABLE dem_demands ADD COLUMN "FiledByUserId" uuid;
CREATE INDEX "IX_dem_demands_TenantId_FiledByUserId" ON dem_demands ("TenantId", "FiledByUserId");

CREATE TABLE dem_street_settings (
    "Id" uuid NOT NULL,
    "StreetId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ExtraResolveDaysPerLevel" integer NOT NULL,
    "SatisfiedWeight" integer NOT NULL,
    "BasicallySatisfiedWeight" integer NOT NULL,
    "MaxReopens" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_street_settings" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_dem_street_settings_TenantId_OrgPath" ON dem_street_settings ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_dem_street_settings_TenantId_StreetId" ON dem_street_settings ("TenantId", "StreetId");
