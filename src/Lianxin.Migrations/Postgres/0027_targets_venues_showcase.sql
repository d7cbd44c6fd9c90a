-- 0027: key targets (重点任务) with community parts and evidence; venues (阵地) with their 六有 checks, rooms and bookings; star awards per programme.
CREATE TABLE tgt_assignments (
    "Id" uuid NOT NULL,
    "TargetId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "CommunityName" character varying(100) NOT NULL,
    "Quota" numeric(12,2) NOT NULL,
    "ReportedValue" numeric(12,2),
    "CompletedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_tgt_assignments" PRIMARY KEY ("Id")
);
CREATE TABLE tgt_evidence (
    "Id" uuid NOT NULL,
    "AssignmentId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Value" numeric(12,2) NOT NULL,
    "Note" character varying(1000) NOT NULL,
    "On" date NOT NULL,
    "At" timestamp with time zone NOT NULL,
    "ActorName" character varying(60) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_tgt_evidence" PRIMARY KEY ("Id")
);
CREATE TABLE tgt_targets (
    "Id" uuid NOT NULL,
    "SetByUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Description" character varying(1000),
    "IndicatorCode" character varying(60),
    "ManualUnit" character varying(10),
    "QuotaKind" character varying(40) NOT NULL,
    "Quota" numeric(12,2) NOT NULL,
    "BaseIndicatorCode" character varying(60),
    "StartOn" date NOT NULL,
    "DueOn" date NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(60) NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_tgt_targets" PRIMARY KEY ("Id")
);
CREATE TABLE ven_bookings (
    "Id" uuid NOT NULL,
    "RoomId" uuid NOT NULL,
    "VenueId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "BookerKind" character varying(40) NOT NULL,
    "BookedBy" character varying(100) NOT NULL,
    "UserId" uuid,
    "Purpose" character varying(200) NOT NULL,
    "Attendees" integer NOT NULL,
    "ContactPhone" character varying(20),
    "State" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_ven_bookings" PRIMARY KEY ("Id")
);
CREATE TABLE ven_checks (
    "Id" uuid NOT NULL,
    "VenueId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Item" character varying(40) NOT NULL,
    "Evidence" character varying(500) NOT NULL,
    "CheckedAt" timestamp with time zone NOT NULL,
    "CheckedBy" character varying(60) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_ven_checks" PRIMARY KEY ("Id")
);
CREATE TABLE ven_rooms (
    "Id" uuid NOT NULL,
    "VenueId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Capacity" integer NOT NULL,
    "LastBookedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_ven_rooms" PRIMARY KEY ("Id")
);
CREATE TABLE ven_venues (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "State" character varying(40) NOT NULL,
    "Functions" integer NOT NULL,
    "Address" character varying(200) NOT NULL,
    "AreaSqm" integer NOT NULL,
    "OpensAt" time without time zone NOT NULL,
    "ClosesAt" time without time zone NOT NULL,
    "OpeningNote" character varying(200) NOT NULL,
    "OpenedOn" date,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_ven_venues" PRIMARY KEY ("Id")
);
CREATE INDEX "IX_tgt_assignments_TenantId_OrgPath" ON tgt_assignments ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_tgt_assignments_TenantId_TargetId_CommunityId" ON tgt_assignments ("TenantId", "TargetId", "CommunityId");
CREATE INDEX "IX_tgt_evidence_TenantId_AssignmentId_At" ON tgt_evidence ("TenantId", "AssignmentId", "At");
CREATE INDEX "IX_tgt_evidence_TenantId_OrgPath" ON tgt_evidence ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_tgt_targets_TenantId_OrgPath_DueOn" ON tgt_targets ("TenantId", "OrgPath" varchar_pattern_ops, "DueOn");
CREATE INDEX "IX_ven_bookings_TenantId_OrgPath" ON ven_bookings ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_ven_bookings_TenantId_RoomId_StartsAt" ON ven_bookings ("TenantId", "RoomId", "StartsAt");
CREATE INDEX "IX_ven_checks_TenantId_OrgPath" ON ven_checks ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE UNIQUE INDEX "IX_ven_checks_TenantId_VenueId_Item" ON ven_checks ("TenantId", "VenueId", "Item");
CREATE INDEX "IX_ven_rooms_TenantId_OrgPath" ON ven_rooms ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_ven_rooms_TenantId_VenueId" ON ven_rooms ("TenantId", "VenueId");
CREATE INDEX "IX_ven_venues_TenantId_OrgPath_Name" ON ven_venues ("TenantId", "OrgPath" varchar_pattern_ops, "Name");
-- Stars belong to a programme (the purpose of the rubric that rated them): a quarterly 观摩 no longer overwrites a 五星支部 award.
ALTER TABLE rev_star_awards ADD COLUMN "Programme" character varying(40) NOT NULL DEFAULT 'FiveStar';
ALTER TABLE rev_star_awards ALTER COLUMN "Programme" DROP DEFAULT;
ALTER TABLE rev_star_awards ADD COLUMN "AwardingBody" character varying(100);
UPDATE rev_star_awards a SET "Programme" = r."Purpose"
FROM rev_rounds x JOIN rev_rubrics r ON r."Id" = x."RubricId" WHERE x."Id" = a."RoundId";
