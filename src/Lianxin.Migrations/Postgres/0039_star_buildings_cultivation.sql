-- 0039: a review round can score buildings (星级楼组) and their stars are kept per building; the yearly 五星支部 重点培养对象 list.
ALTER TABLE rev_rounds ADD COLUMN "Target" character varying(40) NOT NULL DEFAULT 'Units';
ALTER TABLE rev_rounds ALTER COLUMN "Target" DROP DEFAULT;
ALTER TABLE rev_star_awards ADD COLUMN "Target" character varying(40) NOT NULL DEFAULT 'Units';
ALTER TABLE rev_star_awards ALTER COLUMN "Target" DROP DEFAULT;
CREATE TABLE rev_cultivation_targets (
    "Id" uuid NOT NULL,
    "Year" integer NOT NULL,
    "UnitId" uuid NOT NULL,
    "UnitName" character varying(100) NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ListedByUnitId" uuid NOT NULL,
    "ListedByName" character varying(100) NOT NULL,
    "Reason" character varying(500) NOT NULL,
    "Responsible" character varying(60) NOT NULL,
    "AddedBy" character varying(60) NOT NULL,
    "AddedAt" timestamp with time zone NOT NULL,
    "RemovalReason" character varying(500),
    "RemovedBy" character varying(60),
    "RemovedAt" timestamp with time zone,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_cultivation_targets" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_rev_cultivation_targets_TenantId_OrgPath" ON rev_cultivation_targets ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_rev_cultivation_targets_TenantId_Year_UnitId" ON rev_cultivation_targets ("TenantId", "Year", "UnitId");
