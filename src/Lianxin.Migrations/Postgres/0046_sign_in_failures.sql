-- Issue 17: failed sign-ins counted per client address (and per client address and account) in a fixed window,
-- so that every app instance on one database throttles the same client (ADR 0027).
CREATE TABLE sec_sign_in_failures (
    "Id" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "WindowStartedAt" timestamp with time zone NOT NULL,
    "Failures" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_sec_sign_in_failures" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_sec_sign_in_failures_TenantId_Key" ON sec_sign_in_failures ("TenantId", "Key");
