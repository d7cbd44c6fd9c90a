-- Issue 17: the Data Protection key ring in the database, so that every app instance on it reads the others' cookies,
-- antiforgery tokens and bearer tokens (ADR 0038). Each key's XML is encrypted with the personal-data key.
CREATE TABLE sec_data_protection_keys (
    "Id" uuid NOT NULL,
    "FriendlyName" character varying(100) NOT NULL,
    "Xml" character varying(8000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_sec_data_protection_keys" PRIMARY KEY ("Id")
);
