-- Notifications: an outbox written with the business change, and per-person in-app inboxes filled by the dispatcher.

CREATE TABLE "ntf_inbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ntf_inbox" PRIMARY KEY,
    "NotificationId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Link" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DeliveredAt" TEXT NOT NULL,
    "ReadAt" TEXT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "ntf_outbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ntf_outbox" PRIMARY KEY,
    "RecipientUnitId" TEXT NULL,
    "RecipientUserId" TEXT NULL,
    "Permission" TEXT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Link" TEXT NULL,
    "Source" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "DeliveredAt" TEXT NULL,
    "Recipients" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_ntf_inbox_TenantId_NotificationId_UserId" ON "ntf_inbox" ("TenantId", "NotificationId", "UserId");

CREATE INDEX "IX_ntf_inbox_TenantId_UserId_ReadAt" ON "ntf_inbox" ("TenantId", "UserId", "ReadAt");

CREATE INDEX "IX_ntf_outbox_TenantId_DeliveredAt_CreatedAt" ON "ntf_outbox" ("TenantId", "DeliveredAt", "CreatedAt");
