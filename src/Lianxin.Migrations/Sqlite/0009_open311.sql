-- Open311 GeoReport v2: API clients (key stored as SHA-256 only) and what Open311 adds to a demand it filed.

CREATE TABLE "dem_open311_clients" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_open311_clients" PRIMARY KEY,
    "StreetId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Contact" TEXT NOT NULL,
    "KeyHash" TEXT NOT NULL,
    "KeyPrefix" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "RevokedAt" TEXT NULL,
    "RevokedBy" TEXT NULL,
    "LastUsedAt" TEXT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "dem_open311_requests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_dem_open311_requests" PRIMARY KEY,
    "DemandId" TEXT NOT NULL,
    "ClientId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Lat" REAL NULL,
    "Long" REAL NULL,
    "MediaUrl" TEXT NULL,
    "IdempotencyKey" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_dem_open311_clients_TenantId_KeyHash" ON "dem_open311_clients" ("TenantId", "KeyHash");

CREATE INDEX "IX_dem_open311_clients_TenantId_OrgPath" ON "dem_open311_clients" ("TenantId", "OrgPath");

CREATE UNIQUE INDEX "IX_dem_open311_requests_TenantId_ClientId_IdempotencyKey" ON "dem_open311_requests" ("TenantId", "ClientId", "IdempotencyKey");

CREATE UNIQUE INDEX "IX_dem_open311_requests_TenantId_DemandId" ON "dem_open311_requests" ("TenantId", "DemandId");
