-- Showcase (品牌宣传): brands and their links to pledges and projects, model sites, honours, news reviewed by the street.

CREATE TABLE shw_brand_links (
    "Id" uuid NOT NULL,
    "BrandId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "TargetId" uuid NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_shw_brand_links" PRIMARY KEY ("Id")
);

CREATE TABLE shw_brands (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(60) NOT NULL,
    "Story" character varying(4000) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_shw_brands" PRIMARY KEY ("Id")
);

CREATE TABLE shw_honours (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Level" character varying(40) NOT NULL,
    "AwardingBody" character varying(100) NOT NULL,
    "AwardedOn" date NOT NULL,
    "RecipientKind" character varying(40) NOT NULL,
    "RecipientUnitId" uuid,
    "MemberId" uuid,
    "RecipientName" character varying(100) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_shw_honours" PRIMARY KEY ("Id")
);

CREATE TABLE shw_model_sites (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Name" character varying(100) NOT NULL,
    "Note" character varying(1000),
    "NamedOn" date NOT NULL,
    "ReviewDueOn" date NOT NULL,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_shw_model_sites" PRIMARY KEY ("Id")
);

CREATE TABLE shw_news (
    "Id" uuid NOT NULL,
    "OrgUnitId" uuid NOT NULL,
    "OrgPath" character varying(400) NOT NULL,
    "Title" character varying(100) NOT NULL,
    "Body" character varying(8000) NOT NULL,
    "Channels" integer NOT NULL,
    "State" character varying(40) NOT NULL,
    "AuthorId" uuid,
    "AuthorName" character varying(60) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "SubmittedAt" timestamp with time zone,
    "ReviewedBy" character varying(60),
    "ReviewedAt" timestamp with time zone,
    "ReturnReason" character varying(500),
    "PublishedAt" timestamp with time zone,
    "Version" integer NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_shw_news" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_shw_brand_links_TenantId_BrandId_Kind_TargetId" ON shw_brand_links ("TenantId", "BrandId", "Kind", "TargetId");

CREATE INDEX "IX_shw_brand_links_TenantId_OrgPath" ON shw_brand_links ("TenantId", "OrgPath" varchar_pattern_ops);

CREATE INDEX "IX_shw_brands_TenantId_OrgPath" ON shw_brands ("TenantId", "OrgPath" varchar_pattern_ops);

CREATE INDEX "IX_shw_honours_TenantId_AwardedOn" ON shw_honours ("TenantId", "AwardedOn");

CREATE INDEX "IX_shw_honours_TenantId_OrgPath" ON shw_honours ("TenantId", "OrgPath" varchar_pattern_ops);

CREATE INDEX "IX_shw_model_sites_TenantId_OrgPath" ON shw_model_sites ("TenantId", "OrgPath" varchar_pattern_ops);

CREATE INDEX "IX_shw_news_TenantId_OrgPath" ON shw_news ("TenantId", "OrgPath" varchar_pattern_ops);

CREATE INDEX "IX_shw_news_TenantId_State_PublishedAt" ON shw_news ("TenantId", "State", "PublishedAt");
