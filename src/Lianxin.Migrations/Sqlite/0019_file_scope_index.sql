-- 0019: the file store gets the scope index every scoped table has (ADR 0016).
CREATE INDEX "IX_plt_files_TenantId_OrgPath" ON "plt_files" ("TenantId", "OrgPath");
