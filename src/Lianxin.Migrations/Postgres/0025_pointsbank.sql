-- 0025: X贤银行 (PointsBank): accounts, the double-entry transfers (append-only: triggers refuse changing an entry's
-- amounts, accounts, kind, key or time, and deleting one), earn rates, merchants, catalogue, redemptions, settlements, good deeds.
CREATE TABLE pb_accounts (
    "Id" uuid NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "OwnerId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Balance" bigint NOT NULL,
    "ShowName" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pb_accounts" PRIMARY KEY ("Id")
);
CREATE TABLE pb_earn_rates (
    "Id" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "ActivityKind" character varying(40) NOT NULL,
    "PointsPerHour" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pb_earn_rates" PRIMARY KEY ("Id")
);
CREATE TABLE pb_good_deeds (
    "Id" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "UserId" uuid NOT NULL,
    "PersonName" character varying(60) NOT NULL,
    "Description" character varying(500) NOT NULL,
    "Points" integer NOT NULL,
    "State" character varying(40) NOT NULL,
    "ProposedBy" uuid NOT NULL,
    "ProposedAt" timestamp with time zone NOT NULL,
    "DecidedBy" uuid,
    "DecidedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pb_good_deeds" PRIMARY KEY ("Id")
);
CREATE TABLE pb_items (
    "Id" uuid NOT NULL,
    "MerchantId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Points" integer NOT NULL,
    "Stock" integer NOT NULL,
    "ValidFrom" date NOT NULL,
    "ValidTo" date,
    "IsActive" boolean NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pb_items" PRIMARY KEY ("Id")
);
CREATE TABLE pb_merchants (
    "Id" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Address" character varying(200) NOT NULL,
    "ContactName" character varying(60) NOT NULL,
    "Phone" character varying(20) NOT NULL,
    "OwnerUserId" uuid NOT NULL,
    "State" character varying(40) NOT NULL,
    "AppliedAt" timestamp with time zone NOT NULL,
    "DecidedAt" timestamp with time zone,
    "DecidedBy" uuid,
    "DecisionNote" character varying(200),
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pb_merchants" PRIMARY KEY ("Id")
);
CREATE TABLE pb_redemptions (
    "Id" uuid NOT NULL,
    "MerchantId" uuid NOT NULL,
    "ItemId" uuid NOT NULL,
    "ItemName" character varying(100) NOT NULL,
    "Quantity" integer NOT NULL,
    "Points" bigint NOT NULL,
    "DepositorAccountId" uuid NOT NULL,
    "DepositorUserId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "State" character varying(40) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "ClosedAt" timestamp with time zone,
    "SettlementId" uuid,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pb_redemptions" PRIMARY KEY ("Id")
);
CREATE TABLE pb_settlements (
    "Id" uuid NOT NULL,
    "MerchantId" uuid NOT NULL,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "PeriodFrom" date NOT NULL,
    "PeriodTo" date NOT NULL,
    "Points" bigint NOT NULL,
    "Redemptions" integer NOT NULL,
    "TransferId" uuid NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pb_settlements" PRIMARY KEY ("Id")
);
CREATE TABLE pb_transfers (
    "Id" uuid NOT NULL,
    "Key" character varying(120) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "DebitAccountId" uuid NOT NULL,
    "CreditAccountId" uuid NOT NULL,
    "Amount" bigint NOT NULL,
    "CauseType" character varying(20) NOT NULL,
    "CauseId" uuid,
    "Memo" character varying(200) NOT NULL,
    "Reason" character varying(200),
    "ReversesId" uuid,
    "CommunityId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "CreatedBy" uuid,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_pb_transfers" PRIMARY KEY ("Id"),
    CONSTRAINT "CK_pb_transfers_Accounts" CHECK ("DebitAccountId" <> "CreditAccountId"),
    CONSTRAINT "CK_pb_transfers_Amount" CHECK ("Amount" > 0)
);
CREATE UNIQUE INDEX "IX_pb_accounts_TenantId_CommunityId_Kind_OwnerId" ON pb_accounts ("TenantId", "CommunityId", "Kind", "OwnerId");
CREATE INDEX "IX_pb_accounts_TenantId_OrgPath" ON pb_accounts ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pb_accounts_TenantId_OwnerId" ON pb_accounts ("TenantId", "OwnerId");
CREATE UNIQUE INDEX "IX_pb_earn_rates_TenantId_CommunityId_ActivityKind" ON pb_earn_rates ("TenantId", "CommunityId", "ActivityKind");
CREATE INDEX "IX_pb_earn_rates_TenantId_OrgPath" ON pb_earn_rates ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pb_good_deeds_TenantId_CommunityId_State" ON pb_good_deeds ("TenantId", "CommunityId", "State");
CREATE INDEX "IX_pb_good_deeds_TenantId_OrgPath" ON pb_good_deeds ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pb_items_TenantId_MerchantId" ON pb_items ("TenantId", "MerchantId");
CREATE INDEX "IX_pb_items_TenantId_OrgPath" ON pb_items ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pb_merchants_TenantId_CommunityId_State" ON pb_merchants ("TenantId", "CommunityId", "State");
CREATE INDEX "IX_pb_merchants_TenantId_OrgPath" ON pb_merchants ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pb_merchants_TenantId_OwnerUserId" ON pb_merchants ("TenantId", "OwnerUserId");
CREATE INDEX "IX_pb_redemptions_TenantId_DepositorUserId" ON pb_redemptions ("TenantId", "DepositorUserId");
CREATE INDEX "IX_pb_redemptions_TenantId_MerchantId_State_CreatedAt" ON pb_redemptions ("TenantId", "MerchantId", "State", "CreatedAt");
CREATE INDEX "IX_pb_redemptions_TenantId_OrgPath" ON pb_redemptions ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pb_redemptions_TenantId_State_ExpiresAt" ON pb_redemptions ("TenantId", "State", "ExpiresAt");
CREATE INDEX "IX_pb_settlements_TenantId_MerchantId_PeriodFrom" ON pb_settlements ("TenantId", "MerchantId", "PeriodFrom");
CREATE INDEX "IX_pb_settlements_TenantId_OrgPath" ON pb_settlements ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pb_transfers_TenantId_CreditAccountId_CreatedAt" ON pb_transfers ("TenantId", "CreditAccountId", "CreatedAt");
CREATE INDEX "IX_pb_transfers_TenantId_DebitAccountId_CreatedAt" ON pb_transfers ("TenantId", "DebitAccountId", "CreatedAt");
CREATE UNIQUE INDEX "IX_pb_transfers_TenantId_Key" ON pb_transfers ("TenantId", "Key");
CREATE INDEX "IX_pb_transfers_TenantId_Kind_CreatedAt" ON pb_transfers ("TenantId", "Kind", "CreatedAt");
CREATE INDEX "IX_pb_transfers_TenantId_OrgPath" ON pb_transfers ("TenantId", "OrgPath" varchar_pattern_ops);
CREATE INDEX "IX_pb_transfers_TenantId_ReversesId" ON pb_transfers ("TenantId", "ReversesId");
CREATE FUNCTION pb_transfers_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'pb_transfers is append-only: a correction is a reversing transfer';
END $$;
CREATE TRIGGER pb_transfers_no_update BEFORE UPDATE OF "Key", "Kind", "DebitAccountId", "CreditAccountId", "Amount", "CreatedAt", "TenantId", "ReversesId"
    ON pb_transfers FOR EACH ROW EXECUTE FUNCTION pb_transfers_append_only();
CREATE TRIGGER pb_transfers_no_delete BEFORE DELETE ON pb_transfers FOR EACH ROW EXECUTE FUNCTION pb_transfers_append_only();
