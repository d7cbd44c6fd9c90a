-- Open311 GeoReport v2: API clients (key stored as SHA-256 only) and what Open311 adds to a demand it filed.

CREATE TABLE dem_open311_clients (
    "Id" uuid NOT NULL,
    "StreetId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Contact" character varying(100) NOT NULL,
    "KeyHash" character varying(64) NOT NULL,
    "KeyPrefix" character varying(20) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" character varying(100) NOT NULL,
    "RevokedAt" timestamp with time zone,
    "RevokedBy" character varying(100),
    "LastUsedAt" timestamp with time zone,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_open311_clients" PRIMARY KEY ("Id")
);

CREATE TABLE dem_open311_requests (
    "Id" uuid NOT NULL,
    "DemandId" uuid NOT NULL,
    "ClientId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Lat" double precision,
    "Long" double precision,
    "MediaUrl" character varying(500),
    "IdempotencyKey" character varying(64),
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_dem_open311_requests" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_dem_open311_clients_TenantId_KeyHash" ON dem_open311_clients ("TenantId", "KeyHash");

CREATE INDEX "IX_dem_open311_clients_TenantId_OrgPath" ON dem_open311_clients ("TenantId", "OrgPath");

CREATE UNIQUE INDEX "IX_dem_open311_requests_TenantId_ClientId_IdempotencyKey" ON dem_open311_requests ("TenantId", "ClientId", "IdempotencyKey");

CREATE UNIQUE INDEX "IX_dem_open311_requests_TenantId_DemandId" ON dem_open311_requests ("TenantId", "DemandId");
