-- Showcase (品牌宣传): brands and their links to pledges and projects, model sites, honours, news reviewed by the street.

CREATE TABLE "shw_brand_links" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_shw_brand_links" PRIMARY KEY,
    "BrandId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "TargetId" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "shw_brands" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_shw_brands" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Story" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "shw_honours" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_shw_honours" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "AwardingBody" TEXT NOT NULL,
    "AwardedOn" TEXT NOT NULL,
    "RecipientKind" TEXT NOT NULL,
    "RecipientUnitId" TEXT NULL,
    "MemberId" TEXT NULL,
    "RecipientName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "shw_model_sites" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_shw_model_sites" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Note" TEXT NULL,
    "NamedOn" TEXT NOT NULL,
    "ReviewDueOn" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE TABLE "shw_news" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_shw_news" PRIMARY KEY,
    "OrgUnitId" TEXT NOT NULL,
    "OrgPath" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "Channels" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "AuthorId" TEXT NULL,
    "AuthorName" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ReviewedBy" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "PublishedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_shw_brand_links_TenantId_BrandId_Kind_TargetId" ON "shw_brand_links" ("TenantId", "BrandId", "Kind", "TargetId");

CREATE INDEX "IX_shw_brand_links_TenantId_OrgPath" ON "shw_brand_links" ("TenantId", "OrgPath");

CREATE INDEX "IX_shw_brands_TenantId_OrgPath" ON "shw_brands" ("TenantId", "OrgPath");

CREATE INDEX "IX_shw_honours_TenantId_AwardedOn" ON "shw_honours" ("TenantId", "AwardedOn");

CREATE INDEX "IX_shw_honours_TenantId_OrgPath" ON "shw_honours" ("TenantId", "OrgPath");

CREATE INDEX "IX_shw_model_sites_TenantId_OrgPath" ON "shw_model_sites" ("TenantId", "OrgPath");

CREATE INDEX "IX_shw_news_TenantId_OrgPath" ON "shw_news" ("TenantId", "OrgPath");

CREATE INDEX "IX_shw_news_TenantId_State_PublishedAt" ON "shw_news" ("TenantId", "State", "PublishedAt");
