-- Reviews: per-section points cached on each score sheet (results read them instead of scoring every item),
-- the days of a round (visit times must fall inside them), and photos per item and per finding.
ALTER TABLE "rev_score_sheets" ADD COLUMN "SectionTotalsJson" TEXT NULL;

ALTER TABLE "rev_rounds" ADD COLUMN "StartsOn" TEXT NULL;
ALTER TABLE "rev_rounds" ADD COLUMN "EndsOn" TEXT NULL;

CREATE TABLE "rev_photos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_rev_photos" PRIMARY KEY,
    "RoundId" TEXT NOT NULL,
    "UnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "SheetId" TEXT NULL,
    "ItemCode" TEXT NULL,
    "FindingId" TEXT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    "UploadedBy" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE INDEX "IX_rev_photos_TenantId_FindingId" ON "rev_photos" ("TenantId", "FindingId");

CREATE INDEX "IX_rev_photos_TenantId_RoundId_UnitId" ON "rev_photos" ("TenantId", "RoundId", "UnitId");

CREATE INDEX "IX_rev_photos_TenantId_SheetId" ON "rev_photos" ("TenantId", "SheetId");
