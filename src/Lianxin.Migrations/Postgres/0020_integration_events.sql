-- 0020: integration events between modules (ADR 0017): the outbox written with the change, the inbox that makes
-- at-least-once delivery take effect once per handler.
CREATE TABLE plt_event_inbox (
    "Id" uuid NOT NULL,
    "EventId" uuid NOT NULL,
    "Handler" character varying(200) NOT NULL,
    "HandledAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_plt_event_inbox" PRIMARY KEY ("Id")
);
CREATE TABLE plt_events (
    "Id" uuid NOT NULL,
    "Type" character varying(100) NOT NULL,
    "Payload" character varying(4000) NOT NULL,
    "OccurredAt" timestamp with time zone NOT NULL,
    "DispatchedAt" timestamp with time zone,
    "Attempts" integer NOT NULL,
    "LastError" character varying(1000),
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_plt_events" PRIMARY KEY ("Id")
);
CREATE UNIQUE INDEX "IX_plt_event_inbox_TenantId_EventId_Handler" ON plt_event_inbox ("TenantId", "EventId", "Handler");
CREATE INDEX "IX_plt_events_TenantId_DispatchedAt_OccurredAt" ON plt_events ("TenantId", "DispatchedAt", "OccurredAt");
