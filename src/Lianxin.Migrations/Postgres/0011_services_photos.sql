-- 0011: services on a resident's behalf (代办·帮办·陪办·预约办) book appointment slots; pledge progress carries photos.

CREATE TABLE dem_service_slots (
    "Id" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "StartsAt" timestamp with time zone NOT NULL,
    "EndsAt" timestamp with time zone NOT NULL,
    "Capacity" integer NOT NULL,
    "Booked" integer NOT NULL,
    "Modes" character varying(100) NOT NULL,
    "Place" character varying(100) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_service_slots" PRIMARY KEY ("Id")
);

CREATE TABLE plg_photos (
    "Id" uuid NOT NULL,
    "PledgeId" uuid NOT NULL,
    "UpdateId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ContentType" character varying(40) NOT NULL,
    "Size" integer NOT NULL,
    "Data" bytea NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_plg_photos" PRIMARY KEY ("Id")
);

ALTER TABLE dem_demands ADD "SlotId" uuid;

CREATE INDEX "IX_dem_demands_TenantId_SlotId" ON dem_demands ("TenantId", "SlotId");

CREATE INDEX "IX_dem_service_slots_TenantId_CommunityId_StartsAt" ON dem_service_slots ("TenantId", "CommunityId", "StartsAt");

CREATE INDEX "IX_plg_photos_TenantId_PledgeId_UpdateId" ON plg_photos ("TenantId", "PledgeId", "UpdateId");

