-- The district's working calendar: public holidays and make-up working days (调休上班) entered per year.

CREATE TABLE cal_days (
    "Id" uuid NOT NULL,
    "Date" date NOT NULL,
    "Kind" character varying(40) NOT NULL,
    "Name" character varying(20) NOT NULL,
    "TenantId" uuid NOT NULL,
    CONSTRAINT "PK_cal_days" PRIMARY KEY ("Id")
);

CREATE UNIQUE INDEX "IX_cal_days_TenantId_Date" ON cal_days ("TenantId", "Date");
