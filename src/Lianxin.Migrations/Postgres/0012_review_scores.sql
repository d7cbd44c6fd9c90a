-- Reviews: per-section points cached on each score sheet (results read them instead of scoring every item),
-- the days of a round (visit times must fall inside them), and photos per item and per finding.
ALTER TABLE rev_score_sheets ADD COLUMN "SectionTotalsJson" character varying(4000);

ALTER TABLE rev_rounds ADD COLUMN "StartsOn" date;
ALTER TABLE rev_rounds ADD COLUMN "EndsOn" date;

CREATE TABLE rev_photos (
    "Id" uuid NOT NULL,
    "RoundId" uuid NOT NULL,
    "UnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "SheetId" uuid,
    "ItemCode" character varying(40),
    "FindingId" uuid,
    "ContentType" character varying(40) NOT NULL,
    "Size" integer NOT NULL,
    "Data" bytea NOT NULL,
    "UploadedBy" uuid,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_rev_photos" PRIMARY KEY ("Id")
);

CREATE INDEX "IX_rev_photos_TenantId_FindingId" ON rev_photos ("TenantId", "FindingId");

CREATE INDEX "IX_rev_photos_TenantId_RoundId_UnitId" ON rev_photos ("TenantId", "RoundId", "UnitId");

CREATE INDEX "IX_rev_photos_TenantId_SheetId" ON rev_photos ("TenantId", "SheetId");
