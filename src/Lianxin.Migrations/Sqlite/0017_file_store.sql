-- One file store for every module (ADR 0015): the photos of demands, pledge progress and reviews move into plt_files,
-- keeping their ids (links in old notifications and exports still resolve), and the three photo tables go.
-- Moved rows have no thumbnail: the original stands in until it is uploaded again.

CREATE TABLE "plt_files" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plt_files" PRIMARY KEY,
    "OwnerModule" TEXT NOT NULL,
    "OwnerKind" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "OwnerPart" TEXT NULL,
    "OrgPath" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    "Thumbnail" BLOB NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE INDEX "IX_plt_files_TenantId_OwnerModule_OwnerKind_OwnerId" ON "plt_files" ("TenantId", "OwnerModule", "OwnerKind", "OwnerId");

INSERT INTO "plt_files" ("Id", "OwnerModule", "OwnerKind", "OwnerId", "OwnerPart", "OrgPath", "FileName", "ContentType", "Size", "Data", "Thumbnail", "CreatedAt", "CreatedBy", "TenantId")
SELECT "Id", 'demands', 'demand', "DemandId", NULL, "OrgPath",
       CASE "ContentType" WHEN 'image/png' THEN 'photo.png' WHEN 'image/webp' THEN 'photo.webp' ELSE 'photo.jpg' END,
       "ContentType", "Size", "Data", NULL, "CreatedAt", NULL, "TenantId"
FROM "dem_photos";

-- A pledge's photo belongs to the pledge; the progress update it illustrates is the part.
INSERT INTO "plt_files" ("Id", "OwnerModule", "OwnerKind", "OwnerId", "OwnerPart", "OrgPath", "FileName", "ContentType", "Size", "Data", "Thumbnail", "CreatedAt", "CreatedBy", "TenantId")
SELECT "Id", 'pledges', 'pledge', "PledgeId", "UpdateId", "OrgPath",
       CASE "ContentType" WHEN 'image/png' THEN 'photo.png' WHEN 'image/webp' THEN 'photo.webp' ELSE 'photo.jpg' END,
       "ContentType", "Size", "Data", NULL, "CreatedAt", NULL, "TenantId"
FROM "plg_photos";

-- A review photo belongs to a finding, or to a score sheet with the rubric item code as the part.
INSERT INTO "plt_files" ("Id", "OwnerModule", "OwnerKind", "OwnerId", "OwnerPart", "OrgPath", "FileName", "ContentType", "Size", "Data", "Thumbnail", "CreatedAt", "CreatedBy", "TenantId")
SELECT "Id", 'reviews', CASE WHEN "FindingId" IS NOT NULL THEN 'finding' ELSE 'item' END, COALESCE("FindingId", "SheetId"),
       CASE WHEN "FindingId" IS NOT NULL THEN NULL ELSE "ItemCode" END, "OrgPath",
       CASE "ContentType" WHEN 'image/png' THEN 'photo.png' WHEN 'image/webp' THEN 'photo.webp' ELSE 'photo.jpg' END,
       "ContentType", "Size", "Data", NULL, "CreatedAt", "UploadedBy", "TenantId"
FROM "rev_photos"
WHERE "FindingId" IS NOT NULL OR "SheetId" IS NOT NULL;

DROP TABLE "dem_photos";
DROP TABLE "plg_photos";
DROP TABLE "rev_photos";
