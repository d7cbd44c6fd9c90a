-- 0029: the history of the organisation tree (creations, splits, moves, dissolutions) so the tree of a past day can be rebuilt,
-- and the contact phone a resident may leave with an online proposal (网上提议).
CREATE TABLE org_unit_changes (
    "Id" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "On" date NOT NULL,
    "ParentId" uuid,
    "FromParentId" uuid,
    "CompoundId" uuid,
    "Note" character varying(200),
    "RecordedAt" timestamp with time zone NOT NULL,
    "RecordedBy" character varying(60) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_org_unit_changes" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_org_unit_changes_TenantId_UnitId" ON org_unit_changes ("TenantId", "UnitId");

-- Existing units: created when their district was set up (nothing older is known), with today's parent; moves before now are lost.
-- The creation row reuses the unit's id (a unit has one creation).
INSERT INTO org_unit_changes ("Id", "UnitId", "Kind", "On", "ParentId", "Note", "RecordedAt", "RecordedBy", "TenantId")
SELECT u."Id", u."Id", 'Created', (t."CreatedAt" AT TIME ZONE 'Asia/Shanghai')::date, u."ParentId", '建立历史记录前已存在', t."CreatedAt", '', u."TenantId"
FROM org_units u JOIN plt_tenants t ON t."Id" = u."TenantId";

INSERT INTO org_unit_changes ("Id", "UnitId", "Kind", "On", "ParentId", "Note", "RecordedAt", "RecordedBy", "TenantId")
SELECT gen_random_uuid(), "Id", 'Dissolved', ("DissolvedAt" AT TIME ZONE 'Asia/Shanghai')::date, "ParentId", "DissolveReason", "DissolvedAt", '', "TenantId"
FROM org_units WHERE "Status" = 'Dissolved' AND "DissolvedAt" IS NOT NULL;

ALTER TABLE dlb_motions ADD COLUMN "ContactPhone" character varying(20);
