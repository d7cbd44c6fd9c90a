-- The district's working calendar: public holidays and make-up working days (调休上班) entered per year.

CREATE TABLE "cal_days" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_cal_days" PRIMARY KEY,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "TenantId" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_cal_days_TenantId_Date" ON "cal_days" ("TenantId", "Date");
