-- 0001: the foundation (identity, audit, organisation tree and places). Generated with `schema-script`, then kept by hand.
CREATE TABLE "aud_entries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_aud_entries" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "Seq" INTEGER NOT NULL,
    "At" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "UserName" TEXT NOT NULL,
    "Entity" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL,
    "Ip" TEXT NULL,
    "PrevHash" TEXT NOT NULL,
    "Hash" TEXT NOT NULL
);


CREATE TABLE "idn_role_grants" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_idn_role_grants" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "GrantedAt" TEXT NOT NULL,
    "GrantedBy" TEXT NULL,
    "TenantId" TEXT NOT NULL
);


CREATE TABLE "idn_users" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_idn_users" PRIMARY KEY,
    "TenantId" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "IsDisabled" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);


CREATE TABLE "org_buildings" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_org_buildings" PRIMARY KEY,
    "CompoundId" TEXT NOT NULL,
    "GridId" TEXT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Floors" INTEGER NOT NULL,
    "LeaderName" TEXT NULL,
    "LeaderPhone" TEXT NULL,
    "TenantId" TEXT NOT NULL
);


CREATE TABLE "org_compounds" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_org_compounds" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "GridId" TEXT NULL,
    "BranchId" TEXT NULL,
    "Name" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Address" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);


CREATE TABLE "org_grids" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_org_grids" PRIMARY KEY,
    "CommunityId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "BranchId" TEXT NULL,
    "GridWorker" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);


CREATE TABLE "org_households" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_org_households" PRIMARY KEY,
    "BuildingId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Unit" TEXT NOT NULL,
    "Room" TEXT NOT NULL,
    "Residents" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);


CREATE TABLE "org_positions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_org_positions" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "PersonName" TEXT NOT NULL,
    "Phone" TEXT NULL,
    "UserId" TEXT NULL,
    "StartedOn" TEXT NOT NULL,
    "EndedOn" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);


CREATE TABLE "org_units" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_org_units" PRIMARY KEY,
    "ParentId" TEXT NULL,
    "Path" TEXT NOT NULL,
    "Depth" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "BranchKind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Contact" TEXT NULL,
    "Address" TEXT NULL,
    "Status" TEXT NOT NULL,
    "DissolvedAt" TEXT NULL,
    "DissolveReason" TEXT NULL,
    "SortOrder" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);


CREATE TABLE "idn_user_claims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_idn_user_claims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_idn_user_claims_idn_users_UserId" FOREIGN KEY ("UserId") REFERENCES "idn_users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "idn_user_logins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_idn_user_logins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_idn_user_logins_idn_users_UserId" FOREIGN KEY ("UserId") REFERENCES "idn_users" ("Id") ON DELETE CASCADE
);


CREATE TABLE "idn_user_tokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_idn_user_tokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_idn_user_tokens_idn_users_UserId" FOREIGN KEY ("UserId") REFERENCES "idn_users" ("Id") ON DELETE CASCADE
);


CREATE INDEX "IX_aud_entries_TenantId_Entity_EntityId" ON "aud_entries" ("TenantId", "Entity", "EntityId");


CREATE UNIQUE INDEX "IX_aud_entries_TenantId_Seq" ON "aud_entries" ("TenantId", "Seq");


CREATE INDEX "IX_idn_role_grants_TenantId_OrgPath" ON "idn_role_grants" ("TenantId", "OrgPath");


CREATE UNIQUE INDEX "IX_idn_role_grants_TenantId_UserId_Role_OrgUnitId" ON "idn_role_grants" ("TenantId", "UserId", "Role", "OrgUnitId");


CREATE INDEX "IX_idn_user_claims_UserId" ON "idn_user_claims" ("UserId");


CREATE INDEX "IX_idn_user_logins_UserId" ON "idn_user_logins" ("UserId");


CREATE INDEX "EmailIndex" ON "idn_users" ("NormalizedEmail");


CREATE INDEX "IX_idn_users_TenantId_DisplayName" ON "idn_users" ("TenantId", "DisplayName");


CREATE UNIQUE INDEX "UserNameIndex" ON "idn_users" ("NormalizedUserName");


CREATE INDEX "IX_org_buildings_TenantId_CompoundId" ON "org_buildings" ("TenantId", "CompoundId");


CREATE INDEX "IX_org_buildings_TenantId_OrgPath" ON "org_buildings" ("TenantId", "OrgPath");


CREATE INDEX "IX_org_compounds_TenantId_CommunityId" ON "org_compounds" ("TenantId", "CommunityId");


CREATE INDEX "IX_org_compounds_TenantId_GridId" ON "org_compounds" ("TenantId", "GridId");


CREATE INDEX "IX_org_compounds_TenantId_OrgPath" ON "org_compounds" ("TenantId", "OrgPath");


CREATE INDEX "IX_org_grids_TenantId_CommunityId" ON "org_grids" ("TenantId", "CommunityId");


CREATE INDEX "IX_org_grids_TenantId_OrgPath" ON "org_grids" ("TenantId", "OrgPath");


CREATE INDEX "IX_org_households_TenantId_BuildingId" ON "org_households" ("TenantId", "BuildingId");


CREATE INDEX "IX_org_households_TenantId_OrgPath" ON "org_households" ("TenantId", "OrgPath");


CREATE INDEX "IX_org_positions_TenantId_OrgUnitId" ON "org_positions" ("TenantId", "OrgUnitId");


CREATE INDEX "IX_org_units_TenantId_Code" ON "org_units" ("TenantId", "Code");


CREATE INDEX "IX_org_units_TenantId_ParentId" ON "org_units" ("TenantId", "ParentId");


CREATE UNIQUE INDEX "IX_org_units_TenantId_Path" ON "org_units" ("TenantId", "Path");



