-- 0054: a scan the till refused (no stock, not enough points, no account), kept under its request id so that a retry of
-- the same scan answers the same refusal (RedeemRequest's promise).
CREATE TABLE pb_refused_scans (
    "Id" uuid NOT NULL,
    "MerchantId" uuid NOT NULL,
    "ItemId" uuid NOT NULL,
    "Quantity" integer NOT NULL,
    "DepositorUserId" uuid NOT NULL,
    "Reason" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pb_refused_scans" PRIMARY KEY ("Id")
);
