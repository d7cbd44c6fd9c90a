-- 0025: X贤银行 (PointsBank): accounts, the double-entry transfers (append-only: triggers refuse changing an entry's
-- amounts, accounts, kind, key or time, and deleting one), earn rates, merchants, catalogue, redemptions, settlements, good deeds.
CREATE TABLE "pb_accounts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pb_accounts" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "OwnerId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Balance" INTEGER NOT NULL,
    "ShowName" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pb_earn_rates" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pb_earn_rates" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "ActivityKind" TEXT NOT NULL,
    "PointsPerHour" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pb_good_deeds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pb_good_deeds" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "PersonName" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "ProposedBy" TEXT NOT NULL,
    "ProposedAt" TEXT NOT NULL,
    "DecidedBy" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pb_items" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pb_items" PRIMARY KEY,
    "MerchantId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "Stock" INTEGER NOT NULL,
    "ValidFrom" TEXT NOT NULL,
    "ValidTo" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pb_merchants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pb_merchants" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "ContactName" TEXT NOT NULL,
    "Phone" TEXT NOT NULL,
    "OwnerUserId" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "AppliedAt" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedBy" TEXT NULL,
    "DecisionNote" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pb_redemptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pb_redemptions" PRIMARY KEY,
    "MerchantId" TEXT NOT NULL,
    "ItemId" TEXT NOT NULL,
    "ItemName" TEXT NOT NULL,
    "Quantity" INTEGER NOT NULL,
    "Points" INTEGER NOT NULL,
    "DepositorAccountId" TEXT NOT NULL,
    "DepositorUserId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ExpiresAt" TEXT NOT NULL,
    "ClosedAt" TEXT NULL,
    "SettlementId" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pb_settlements" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pb_settlements" PRIMARY KEY,
    "MerchantId" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "PeriodFrom" TEXT NOT NULL,
    "PeriodTo" TEXT NOT NULL,
    "Points" INTEGER NOT NULL,
    "Redemptions" INTEGER NOT NULL,
    "TransferId" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "TenantId" TEXT NOT NULL
);
CREATE TABLE "pb_transfers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_pb_transfers" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "DebitAccountId" TEXT NOT NULL,
    "CreditAccountId" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "CauseType" TEXT NOT NULL,
    "CauseId" TEXT NULL,
    "Memo" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "ReversesId" TEXT NULL,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedBy" TEXT NULL,
    "TenantId" TEXT NOT NULL,
    CONSTRAINT "CK_pb_transfers_Accounts" CHECK ("DebitAccountId" <> "CreditAccountId"),
    CONSTRAINT "CK_pb_transfers_Amount" CHECK ("Amount" > 0)
);
CREATE UNIQUE INDEX "IX_pb_accounts_TenantId_CommunityId_Kind_OwnerId" ON "pb_accounts" ("TenantId", "CommunityId", "Kind", "OwnerId");
CREATE INDEX "IX_pb_accounts_TenantId_OrgPath" ON "pb_accounts" ("TenantId", "OrgPath");
CREATE INDEX "IX_pb_accounts_TenantId_OwnerId" ON "pb_accounts" ("TenantId", "OwnerId");
CREATE UNIQUE INDEX "IX_pb_earn_rates_TenantId_CommunityId_ActivityKind" ON "pb_earn_rates" ("TenantId", "CommunityId", "ActivityKind");
CREATE INDEX "IX_pb_earn_rates_TenantId_OrgPath" ON "pb_earn_rates" ("TenantId", "OrgPath");
CREATE INDEX "IX_pb_good_deeds_TenantId_CommunityId_State" ON "pb_good_deeds" ("TenantId", "CommunityId", "State");
CREATE INDEX "IX_pb_good_deeds_TenantId_OrgPath" ON "pb_good_deeds" ("TenantId", "OrgPath");
CREATE INDEX "IX_pb_items_TenantId_MerchantId" ON "pb_items" ("TenantId", "MerchantId");
CREATE INDEX "IX_pb_items_TenantId_OrgPath" ON "pb_items" ("TenantId", "OrgPath");
CREATE INDEX "IX_pb_merchants_TenantId_CommunityId_State" ON "pb_merchants" ("TenantId", "CommunityId", "State");
CREATE INDEX "IX_pb_merchants_TenantId_OrgPath" ON "pb_merchants" ("TenantId", "OrgPath");
CREATE INDEX "IX_pb_merchants_TenantId_OwnerUserId" ON "pb_merchants" ("TenantId", "OwnerUserId");
CREATE INDEX "IX_pb_redemptions_TenantId_DepositorUserId" ON "pb_redemptions" ("TenantId", "DepositorUserId");
CREATE INDEX "IX_pb_redemptions_TenantId_MerchantId_State_CreatedAt" ON "pb_redemptions" ("TenantId", "MerchantId", "State", "CreatedAt");
CREATE INDEX "IX_pb_redemptions_TenantId_OrgPath" ON "pb_redemptions" ("TenantId", "OrgPath");
CREATE INDEX "IX_pb_redemptions_TenantId_State_ExpiresAt" ON "pb_redemptions" ("TenantId", "State", "ExpiresAt");
CREATE INDEX "IX_pb_settlements_TenantId_MerchantId_PeriodFrom" ON "pb_settlements" ("TenantId", "MerchantId", "PeriodFrom");
CREATE INDEX "IX_pb_settlements_TenantId_OrgPath" ON "pb_settlements" ("TenantId", "OrgPath");
CREATE INDEX "IX_pb_transfers_TenantId_CreditAccountId_CreatedAt" ON "pb_transfers" ("TenantId", "CreditAccountId", "CreatedAt");
CREATE INDEX "IX_pb_transfers_TenantId_DebitAccountId_CreatedAt" ON "pb_transfers" ("TenantId", "DebitAccountId", "CreatedAt");
CREATE UNIQUE INDEX "IX_pb_transfers_TenantId_Key" ON "pb_transfers" ("TenantId", "Key");
CREATE INDEX "IX_pb_transfers_TenantId_Kind_CreatedAt" ON "pb_transfers" ("TenantId", "Kind", "CreatedAt");
CREATE INDEX "IX_pb_transfers_TenantId_OrgPath" ON "pb_transfers" ("TenantId", "OrgPath");
CREATE INDEX "IX_pb_transfers_TenantId_ReversesId" ON "pb_transfers" ("TenantId", "ReversesId");
CREATE TRIGGER pb_transfers_no_update BEFORE UPDATE OF "Key", "Kind", "DebitAccountId", "CreditAccountId", "Amount", "CreatedAt", "TenantId", "ReversesId"
    ON pb_transfers BEGIN SELECT RAISE(ABORT, 'pb_transfers is append-only: a correction is a reversing transfer'); END;
CREATE TRIGGER pb_transfers_no_delete BEFORE DELETE ON pb_transfers BEGIN SELECT RAISE(ABORT, 'pb_transfers is append-only: a correction is a reversing transfer'); END;
