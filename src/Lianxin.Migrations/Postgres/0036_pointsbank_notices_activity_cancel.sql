-- 0036: the points bank's expiry notices (one per depositor account and expiry day), and a volunteering activity's cancellation.
CREATE TABLE pb_expiry_notices (
    "Id" uuid NOT NULL,
    "AccountId" uuid NOT NULL,
    "ExpiresOn" date NOT NULL,
    "Points" bigint NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pb_expiry_notices" PRIMARY KEY ("Id")
);
CREATE UNIQUE INDEX "IX_pb_expiry_notices_TenantId_AccountId_ExpiresOn" ON pb_expiry_notices ("TenantId", "AccountId", "ExpiresOn");
ALTER TABLE vol_activities ADD "CancelledAt" timestamp with time zone;
ALTER TABLE vol_activities ADD "CancelReason" character varying(200);
