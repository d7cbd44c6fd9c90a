-- 0029: the history of the organisation tree (creations, splits, moves, dissolutions) so the tree of a past day can be rebuilt,
-- and the contact phone a resident may leave with an online proposal (网上提议).
CREATE TABLE "org_unit_changes" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_org_unit_changes" PRIMARY KEY,
    "UnitId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "FromParentId" TEXT NULL,
    "CompoundId" TEXT NULL,
    "Note" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_org_unit_changes_TenantId_UnitId" ON "org_unit_changes" ("TenantId", "UnitId");

-- Existing units: created when their district was set up (nothing older is known), with today's parent; moves before now are lost.
-- The creation row reuses the unit's id (a unit has one creation).
INSERT INTO "org_unit_changes" ("Id", "UnitId", "Kind", "On", "ParentId", "Note", "RecordedAt", "RecordedBy", "TenantId")
SELECT u."Id", u."Id", 'Created', date(t."CreatedAt", '+8 hours'), u."ParentId", '建立历史记录前已存在', t."CreatedAt", '', u."TenantId"
FROM "org_units" u JOIN "plt_tenants" t ON t."Id" = u."TenantId";

INSERT INTO "org_unit_changes" ("Id", "UnitId", "Kind", "On", "ParentId", "Note", "RecordedAt", "RecordedBy", "TenantId")
SELECT upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-' || substr(h, 17, 4) || '-' || substr(h, 21, 12)),
       "Id", 'Dissolved', date("DissolvedAt", '+8 hours'), "ParentId", "DissolveReason", "DissolvedAt", '', "TenantId"
FROM (SELECT *, hex(randomblob(16)) AS h FROM "org_units" WHERE "Status" = 'Dissolved' AND "DissolvedAt" IS NOT NULL);

ALTER TABLE "dlb_motions" ADD COLUMN "ContactPhone" TEXT NULL;
