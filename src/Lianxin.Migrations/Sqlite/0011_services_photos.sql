-- 0011: services on a resident's behalf (代办·帮办·陪办·预约办) book appointment slots; pledge progress carries photos.

CREATE TABLE "dem_service_slots" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_service_slots" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "StartsAt" TEXT NOT NULL,
    "EndsAt" TEXT NOT NULL,
    "Capacity" INTEGER NOT NULL,
    "Booked" INTEGER NOT NULL,
    "Modes" TEXT NOT NULL,
    "Place" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "plg_photos" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plg_photos" PRIMARY KEY,
    "PledgeId" TEXT NOT NULL,
    "UpdateId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "Size" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

ALTER TABLE "dem_demands" ADD COLUMN "SlotId" TEXT NULL;

CREATE INDEX "IX_dem_demands_TenantId_SlotId" ON "dem_demands" ("TenantId", "SlotId");

CREATE INDEX "IX_dem_service_slots_TenantId_CommunityId_StartsAt" ON "dem_service_slots" ("TenantId", "CommunityId", "StartsAt");

CREATE INDEX "IX_plg_photos_TenantId_PledgeId_UpdateId" ON "plg_photos" ("TenantId", "PledgeId", "UpdateId");

