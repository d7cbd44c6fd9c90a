-- Notifications: an outbox written with the business change, and per-person in-app inboxes filled by the dispatcher.

CREATE TABLE ntf_inbox (
    "Id" uuid NOT NULL,
    "NotificationId" uuid NOT NULL,
    "UserId" uuid NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Body" character varying(1000) NOT NULL,
    "Link" character varying(400),
    "CreatedAt" timestamp with time zone NOT NULL,
    "DeliveredAt" timestamp with time zone NOT NULL,
    "ReadAt" timestamp with time zone,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_ntf_inbox" PRIMARY KEY ("Id")
);

CREATE TABLE ntf_outbox (
    "Id" uuid NOT NULL,
    "RecipientUnitId" uuid,
    "RecipientUserId" uuid,
    "Permission" character varying(40),
    "Title" character varying(100) NOT NULL,
    "Body" character varying(1000) NOT NULL,
    "Link" character varying(400),
    "Source" character varying(60) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "DeliveredAt" timestamp with time zone,
    "Recipients" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_ntf_outbox" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_ntf_inbox_TenantId_NotificationId_UserId" ON ntf_inbox ("TenantId", "NotificationId", "UserId");

CREATE INDEX "IX_ntf_inbox_TenantId_UserId_ReadAt" ON ntf_inbox ("TenantId", "UserId", "ReadAt");

CREATE INDEX "IX_ntf_outbox_TenantId_DeliveredAt_CreatedAt" ON ntf_outbox ("TenantId", "DeliveredAt", "CreatedAt");
