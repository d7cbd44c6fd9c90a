-- Issue 15: the members' figures under a path (roster count, 双报到, mobile members) kept in step on every save (ADR 0037)
-- instead of counted over mem_members per request. One row per branch and residence community; one per home branch and
-- span of working away.
CREATE TABLE mem_unit_figures (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_unit_figures" PRIMARY KEY,
    "BranchId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "CommunityPath" TEXT NOT NULL,
    "Members" INTEGER NOT NULL,
    "Reported" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_mem_unit_figures_community_range" ON mem_unit_figures ("TenantId", "CommunityPath");
CREATE INDEX "IX_mem_unit_figures_range" ON mem_unit_figures ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_mem_unit_figures_row" ON mem_unit_figures ("TenantId", "BranchId", "CommunityId");
CREATE INDEX "IX_mem_unit_figures_TenantId_OrgPath" ON mem_unit_figures ("TenantId", "OrgPath");

CREATE TABLE mem_mobile_figures (
    "Id" TEXT NOT NULL CONSTRAINT "PK_mem_mobile_figures" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NOT NULL,
    "Members" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_mem_mobile_figures_range" ON mem_mobile_figures ("TenantId", "OrgPath", "StartedOn");
CREATE UNIQUE INDEX "IX_mem_mobile_figures_row" ON mem_mobile_figures ("TenantId", "UnitId", "StartedOn", "EndedOn");
CREATE INDEX "IX_mem_mobile_figures_TenantId_OrgPath" ON mem_mobile_figures ("TenantId", "OrgPath");

-- Filled from the rows already there (the definition of MemberFiguresAggregate); from now on every save keeps them in step,
-- and rebuild-aggregates recomputes them. No residence community: the empty id and path; an open span ends on 9999-12-31
-- (DateOnly.MaxValue). Ids are stored as EF stores them (upper case with dashes).
INSERT INTO mem_unit_figures ("Id", "TenantId", "BranchId", "OrgPath", "CommunityId", "CommunityPath", "Members", "Reported")
SELECT upper(substr(hex(randomblob(16)), 1, 8) || '-' || substr(hex(randomblob(16)), 9, 4) || '-' || substr(hex(randomblob(16)), 13, 4) || '-' || substr(hex(randomblob(16)), 17, 4) || '-' || substr(hex(randomblob(16)), 21, 12)),
    m."TenantId", m."BranchId", min(m."OrgPath"), coalesce(c."Id", '00000000-0000-0000-0000-000000000000'), coalesce(min(c."Path"), ''), COUNT(*),
    SUM(CASE WHEN c."Id" IS NOT NULL AND EXISTS (SELECT 1 FROM mem_dual_reports r WHERE r."MemberId" = m."Id" AND r."CommunityId" = c."Id"
        AND r."Kind" = 'Member' AND r."Status" <> 'Withdrawn') THEN 1 ELSE 0 END)
FROM mem_members m LEFT JOIN org_units c ON c."Id" = m."ResidenceCommunityId" AND c."TenantId" = m."TenantId" AND c."Kind" = 'Community'
WHERE m."Status" IN ('Normal', 'Suspended')
GROUP BY m."TenantId", m."BranchId", coalesce(c."Id", '00000000-0000-0000-0000-000000000000');

INSERT INTO mem_mobile_figures ("Id", "TenantId", "UnitId", "OrgPath", "StartedOn", "EndedOn", "Members")
SELECT upper(substr(hex(randomblob(16)), 1, 8) || '-' || substr(hex(randomblob(16)), 9, 4) || '-' || substr(hex(randomblob(16)), 13, 4) || '-' || substr(hex(randomblob(16)), 17, 4) || '-' || substr(hex(randomblob(16)), 21, 12)),
    s."TenantId", upper(substr(substr(s."OrgPath", length(s."OrgPath") - 32, 32), 1, 8) || '-' || substr(substr(s."OrgPath", length(s."OrgPath") - 32, 32), 9, 4) || '-' || substr(substr(s."OrgPath", length(s."OrgPath") - 32, 32), 13, 4) || '-' || substr(substr(s."OrgPath", length(s."OrgPath") - 32, 32), 17, 4) || '-' || substr(substr(s."OrgPath", length(s."OrgPath") - 32, 32), 21, 12)),
    s."OrgPath", s."StartedOn", coalesce(s."EndedOn", '9999-12-31'), COUNT(*)
FROM mem_mobile_memberships s JOIN mem_members m ON m."Id" = s."MemberId"
WHERE m."Status" IN ('Normal', 'Suspended') AND length(s."OrgPath") >= 34
GROUP BY s."TenantId", s."OrgPath", s."StartedOn", coalesce(s."EndedOn", '9999-12-31');
