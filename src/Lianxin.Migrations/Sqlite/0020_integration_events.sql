-- 0020: integration events between modules (ADR 0017): the outbox written with the change, the inbox that makes
-- at-least-once delivery take effect once per handler.
CREATE TABLE "plt_event_inbox" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plt_event_inbox" PRIMARY KEY,
    "EventId" TEXT NOT NULL,
    "Handler" TEXT NOT NULL,
    "HandledAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "plt_events" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_plt_events" PRIMARY KEY,
    "Type" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "OccurredAt" TEXT NOT NULL,
    "DispatchedAt" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "IX_plt_event_inbox_TenantId_EventId_Handler" ON "plt_event_inbox" ("TenantId", "EventId", "Handler");
CREATE INDEX "IX_plt_events_TenantId_DispatchedAt_OccurredAt" ON "plt_events" ("TenantId", "DispatchedAt", "OccurredAt");
