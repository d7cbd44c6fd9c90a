-- 0027: key targets (重点任务) with community parts and evidence; venues (阵地) with their 六有 checks, rooms and bookings; star awards per programme.
CREATE TABLE "tgt_assignments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_tgt_assignments" PRIMARY KEY,
    "TargetId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "CommunityName" TEXT NOT NULL,
    "Quota" TEXT NOT NULL,
    "ReportedValue" TEXT NULL,
    "CompletedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "tgt_evidence" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_tgt_evidence" PRIMARY KEY,
    "AssignmentId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Value" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "On" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "tgt_targets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_tgt_targets" PRIMARY KEY,
    "SetByUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NULL,
    "IndicatorCode" TEXT NULL,
    "ManualUnit" TEXT NULL,
    "QuotaKind" TEXT NOT NULL,
    "Quota" TEXT NOT NULL,
    "BaseIndicatorCode" TEXT NULL,
    "StartOn" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "ven_bookings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ven_bookings" PRIMARY KEY,
    "RoomId" TEXT NOT NULL,
    "VenueId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "BookerKind" TEXT NOT NULL,
    "BookedBy" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "Purpose" TEXT NOT NULL,
    "Attendees" INTEGER NOT NULL,
    "ContactPhone" TEXT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "ven_checks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ven_checks" PRIMARY KEY,
    "VenueId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Item" TEXT NOT NULL,
    "Evidence" TEXT NOT NULL,
    "CheckedAt" TEXT NOT NULL,
    "CheckedBy" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "ven_rooms" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ven_rooms" PRIMARY KEY,
    "VenueId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "LastBookedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "ven_venues" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ven_venues" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Functions" INTEGER NOT NULL,
    "Address" TEXT NOT NULL,
    "AreaSqm" INTEGER NOT NULL,
    "OpensAt" TEXT NOT NULL,
    "ClosesAt" TEXT NOT NULL,
    "OpeningNote" TEXT NOT NULL,
    "OpenedOn" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE INDEX "IX_tgt_assignments_TenantId_OrgPath" ON "tgt_assignments" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_tgt_assignments_TenantId_TargetId_CommunityId" ON "tgt_assignments" ("TenantId", "TargetId", "CommunityId");
CREATE INDEX "IX_tgt_evidence_TenantId_AssignmentId_At" ON "tgt_evidence" ("TenantId", "AssignmentId", "At");
CREATE INDEX "IX_tgt_evidence_TenantId_OrgPath" ON "tgt_evidence" ("TenantId", "OrgPath");
CREATE INDEX "IX_tgt_targets_TenantId_OrgPath_DueOn" ON "tgt_targets" ("TenantId", "OrgPath", "DueOn");
CREATE INDEX "IX_ven_bookings_TenantId_OrgPath" ON "ven_bookings" ("TenantId", "OrgPath");
CREATE INDEX "IX_ven_bookings_TenantId_RoomId_StartsAt" ON "ven_bookings" ("TenantId", "RoomId", "StartsAt");
CREATE INDEX "IX_ven_checks_TenantId_OrgPath" ON "ven_checks" ("TenantId", "OrgPath");
CREATE UNIQUE INDEX "IX_ven_checks_TenantId_VenueId_Item" ON "ven_checks" ("TenantId", "VenueId", "Item");
CREATE INDEX "IX_ven_rooms_TenantId_OrgPath" ON "ven_rooms" ("TenantId", "OrgPath");
CREATE INDEX "IX_ven_rooms_TenantId_VenueId" ON "ven_rooms" ("TenantId", "VenueId");
CREATE INDEX "IX_ven_venues_TenantId_OrgPath_Name" ON "ven_venues" ("TenantId", "OrgPath", "Name");
-- Stars belong to a programme (the purpose of the rubric that rated them): a quarterly 观摩 no longer overwrites a 五星支部 award.
ALTER TABLE "rev_star_awards" ADD COLUMN "Programme" TEXT NOT NULL DEFAULT 'FiveStar';
ALTER TABLE "rev_star_awards" ADD COLUMN "AwardingBody" TEXT NULL;
UPDATE "rev_star_awards" SET "Programme" = (
    SELECT r."Purpose" FROM "rev_rounds" x JOIN "rev_rubrics" r ON r."Id" = x."RubricId" WHERE x."Id" = "rev_star_awards"."RoundId")
WHERE "RoundId" IS NOT NULL;
