-- 0031: 后三级网格 roles in Members. 楼栋长 are roster members (mem_building_leaders, history kept; org_buildings records the
-- linked member for the coverage figure); 党员中心户 recommendations are records (the typed count becomes LegacyRecommenders),
-- central households and responsibility zones can be ended with a day and a reason.
CREATE TABLE mem_building_leaders (
    "Id" uuid NOT NULL,
    "BuildingId" uuid NOT NULL,
    "CompoundId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "MemberId" uuid NOT NULL,
    "MemberName" character varying(60) NOT NULL,
    "StartedOn" date NOT NULL,
    "EndedOn" date,
    "EndReason" character varying(200),
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_building_leaders" PRIMARY KEY ("Id")
);
CREATE TABLE mem_central_household_duties (
    "Id" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Role" character varying(40) NOT NULL,
    "Text" character varying(1000) NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_central_household_duties" PRIMARY KEY ("Id")
);
CREATE TABLE mem_central_household_recommendations (
    "Id" uuid NOT NULL,
    "CentralHouseholdId" uuid NOT NULL,
    "CompoundId" uuid NOT NULL,
    "HouseholdId" uuid,
    "HouseholdKey" character varying(80) NOT NULL,
    "Home" character varying(120) NOT NULL,
    "RecommenderName" character varying(30) NOT NULL,
    "Source" character varying(40) NOT NULL,
    "RecordedAt" timestamp with time zone NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_mem_central_household_recommendations" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_mem_building_leaders_TenantId_BuildingId" ON mem_building_leaders ("TenantId", "BuildingId");
CREATE INDEX "IX_mem_building_leaders_TenantId_CommunityId" ON mem_building_leaders ("TenantId", "CommunityId");
CREATE INDEX "IX_mem_building_leaders_TenantId_MemberId" ON mem_building_leaders ("TenantId", "MemberId");
CREATE INDEX "IX_mem_building_leaders_TenantId_OrgPath" ON mem_building_leaders ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_mem_central_household_duties_TenantId_CommunityId_Role" ON mem_central_household_duties ("TenantId", "CommunityId", "Role");
CREATE INDEX "IX_mem_central_household_duties_TenantId_OrgPath" ON mem_central_household_duties ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_mem_central_household_recommendations_TenantId_CentralHouse~" ON mem_central_household_recommendations ("TenantId", "CentralHouseholdId", "HouseholdKey");
CREATE INDEX "IX_mem_central_household_recommendations_TenantId_OrgPath" ON mem_central_household_recommendations ("TenantId", "OrgPath" varchar_pattern_ops);

-- The typed number of recommenders has no names behind it: kept as history, not counted as recommendations.
ALTER TABLE mem_central_households RENAME COLUMN "Recommenders" TO "LegacyRecommenders";
ALTER TABLE mem_central_households ADD COLUMN "EndedOn" date;
ALTER TABLE mem_central_households ADD COLUMN "EndReason" character varying(200);
ALTER TABLE mem_central_households ADD COLUMN "ReplacedById" uuid;
ALTER TABLE mem_zones ADD COLUMN "EndedOn" date;
ALTER TABLE mem_zones ADD COLUMN "EndReason" character varying(200);
ALTER TABLE mem_zone_members ADD COLUMN "EndedOn" date;
ALTER TABLE org_buildings ADD COLUMN "LeaderMemberId" uuid;

-- A free-text 楼栋长 whose name is exactly one roster member of the building's community (held there or living there) becomes
-- that member from today (the assignment takes the building's id); the others stay as free text, shown "未关联".
INSERT INTO mem_building_leaders ("Id", "BuildingId", "CompoundId", "CommunityId", "OrgPath", "MemberId", "MemberName", "StartedOn", "Version", "TenantId")
SELECT b."Id", b."Id", b."CompoundId", c."CommunityId", b."OrgPath", m."Id", m."Name", CURRENT_DATE, 1, b."TenantId"
FROM org_buildings b
JOIN org_compounds c ON c."Id" = b."CompoundId"
JOIN org_units u ON u."Id" = c."CommunityId"
JOIN mem_members m ON m."TenantId" = b."TenantId" AND m."Name" = trim(b."LeaderName") AND m."Status" IN ('Normal', 'Suspended')
    AND (m."ResidenceCommunityId" = c."CommunityId" OR left(m."OrgPath", length(u."Path")) = u."Path")
WHERE b."LeaderMemberId" IS NULL AND (SELECT COUNT(*) FROM mem_members x WHERE x."TenantId" = b."TenantId" AND x."Name" = trim(b."LeaderName") AND x."Status" IN ('Normal', 'Suspended')
    AND (x."ResidenceCommunityId" = c."CommunityId" OR left(x."OrgPath", length(u."Path")) = u."Path")) = 1;
UPDATE org_buildings b SET "LeaderMemberId" = l."MemberId", "LeaderName" = l."MemberName", "LeaderPhone" = NULL
FROM mem_building_leaders l WHERE l."Id" = b."Id" AND l."EndedOn" IS NULL AND b."LeaderMemberId" IS NULL;
