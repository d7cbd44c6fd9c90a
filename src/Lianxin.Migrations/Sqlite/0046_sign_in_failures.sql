-- Issue 17: failed sign-ins counted per client address (and per client address and account) in a fixed window,
-- so that every app instance on one database throttles the same client (ADR 0027).
CREATE TABLE "sec_sign_in_failures" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_sec_sign_in_failures" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "WindowStartedAt" TEXT NOT NULL,
    "Failures" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_sec_sign_in_failures_TenantId_Key" ON "sec_sign_in_failures" ("TenantId", "Key");
