using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using System.Text.Json;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Jobs;
using Lianxin.Web.Platform.Privacy;
using Lianxin.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Modules.Members.Features;

/// <summary>Progress and, once done, the result of an import (the list of rejects holds the first <see cref="ImportJobs.RejectsShown"/>).</summary>
public record ImportJobView(Guid Id, string FileName, ImportJobState State, int TotalRows, int ProcessedRows, int Percent,
    string? Error, int Rejected, DateTime CreatedAt, DateTime? FinishedAt, ImportResult? Result)
{
    public bool Finished => State is ImportJobState.Done or ImportJobState.Failed;
}

/// <summary>
/// A member import as a job: the upload is checked (readable, required columns) and stored as a queued
/// <see cref="ImportJob"/>; <see cref="ImportJobRunner"/> on any app instance claims and runs it; page and API poll it.
/// </summary>
public static class ImportJobs
{
    public const int RejectsShown = 1000;

    public static async Task<Outcome<ImportJobView>> StartAsync(LianxinDb db, TimeProvider clock, JobHost jobs, string? fileName, byte[] file, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(MemberPermissions.MemberManage) || db.Scope.UserId is not { } userId) return Failure.Forbidden;
        if (file.Length == 0) return Failure.Invalid("file", "请选择要导入的 Excel 文件。");
        // Only the quick checks here, so a wrong file is answered at once; the rows are validated in the background.
        var read = ImportMembers.Read(new MemoryStream(file));
        if (!read.IsOk) return read.AsFailure();
        var grant = db.Scope.Current is { } c && c.Role.Allows(MemberPermissions.MemberManage) ? c
            : db.Scope.Grants.Where(g => g.Role.Allows(MemberPermissions.MemberManage)).OrderBy(g => g.OrgPath.Length).First();
        var name = Path.GetFileName(fileName ?? "");
        var job = new ImportJob
        {
            OrgPath = grant.OrgPath, UserId = userId, UserName = db.Scope.UserName, GrantId = grant.Id,
            FileName = name is { Length: > 0 } ? name[..Math.Min(name.Length, 200)] : "导入.xlsx",
            State = ImportJobState.Queued, TotalRows = read.Value!.Count, File = file, CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ImportJobs.Add(job);
        await db.SaveChangesAsync(ct);
        jobs.Wake<ImportJobRunner>();
        return View(job);
    }

    public static async Task<Outcome<ImportJobView>> GetAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, job.OrgPath)) return Failure.Forbidden;
        return View(job);
    }

    public static async Task<Outcome<byte[]>> RejectsAsync(LianxinDb db, Guid id, CancellationToken ct)
    {
        var job = await db.ImportJobs.AsNoTracking().Where(j => j.Id == id).Select(j => new { j.OrgPath, j.RejectsWorkbook }).FirstOrDefaultAsync(ct);
        if (job?.RejectsWorkbook is null) return Failure.NotFound;
        if (!db.Scope.Can(MemberPermissions.MemberManage, job.OrgPath)) return Failure.Forbidden;
        return job.RejectsWorkbook;
    }

    public static ImportJobView View(ImportJob j)
    {
        ImportResult? result = null;
        if (j.State == ImportJobState.Done)
        {
            var rejects = j.RejectsJson is null ? [] : JsonSerializer.Deserialize<List<ImportReject>>(j.RejectsJson) ?? [];
            result = new ImportResult(j.TotalRows, j.Imported, j.Skipped, rejects, j.RejectsWorkbook is null ? null : Convert.ToBase64String(j.RejectsWorkbook));
        }
        var percent = j.TotalRows == 0 ? 0 : (int)Math.Round(100.0 * j.ProcessedRows / j.TotalRows);
        return new ImportJobView(j.Id, j.FileName, j.State, j.TotalRows, j.ProcessedRows, percent, j.Error, j.RejectedCount, j.CreatedAt, j.FinishedAt, result);
    }
}

/// <summary>
/// Runs queued imports, as a job of <see cref="JobHost"/> (woken at once by an upload on this instance). A job row is
/// also claimed by an UPDATE guarded by its state and Version, so exactly one pass wins it; nothing about it is kept
/// in memory. A job whose heartbeat stopped (its instance died) is queued again; re-running is safe because the
/// insert is all-or-nothing and the import is idempotent.
/// </summary>
public class ImportJobRunner(LianxinDb db, IServiceScopeFactory scopes, TimeProvider clock, ILogger<ImportJobRunner> log) : IJob
{
    public static string Name => "members.import";
    public static TimeSpan Period => TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(10);

    /// <summary>Runs the tenant's queued imports one after another; answers how many it ran.</summary>
    public async Task<int> RunOnceAsync(Guid tenantId, CancellationToken ct)
    {
        var ran = 0;
        while (await RunNextAsync(ct)) ran++;
        return ran;
    }

    /// <summary>A queued import, or one whose instance stopped beating (the (tenant, state) index answers it).</summary>
    public Task<bool> HasWorkAsync(Guid tenantId, CancellationToken ct)
    {
        var staleBefore = clock.GetUtcNow().UtcDateTime - Stale;
        return db.ImportJobs.AcrossScope().AnyAsync(j => j.State == ImportJobState.Queued
            || ((j.State == ImportJobState.Validating || j.State == ImportJobState.Importing) && j.HeartbeatAt < staleBefore), ct);
    }

    /// <summary>Claims and runs one queued job of this scope's tenant; false when there was none to claim.</summary>
    async Task<bool> RunNextAsync(CancellationToken ct)
    {
        var jobs = db.ImportJobs.AcrossScope();
        var now = clock.GetUtcNow().UtcDateTime;

        var staleBefore = now - Stale;
        await jobs.Where(j => (j.State == ImportJobState.Validating || j.State == ImportJobState.Importing) && j.HeartbeatAt < staleBefore)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Queued).SetProperty(j => j.Version, j => j.Version + 1), ct);

        var candidates = await jobs.AsNoTracking().Where(j => j.State == ImportJobState.Queued).OrderBy(j => j.CreatedAt)
            .Select(j => new { j.Id, j.Version }).Take(5).ToListAsync(ct);
        foreach (var c in candidates)
        {
            var claimed = await jobs.Where(j => j.Id == c.Id && j.State == ImportJobState.Queued && j.Version == c.Version)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Validating).SetProperty(j => j.Version, j => j.Version + 1)
                    .SetProperty(j => j.ProcessedRows, 0).SetProperty(j => j.StartedAt, now).SetProperty(j => j.HeartbeatAt, now), ct);
            if (claimed != 1) continue; // another instance won it
            await RunAsync(db, c.Id, ct);
            return true;
        }
        return false;
    }

    async Task RunAsync(LianxinDb system, Guid id, CancellationToken ct)
    {
        var jobs = system.ImportJobs.AcrossScope().Where(j => j.Id == id);
        Task Fail(string message) => jobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Failed).SetProperty(j => j.Error, message)
            .SetProperty(j => j.File, (byte[]?)null).SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime).SetProperty(j => j.Version, j => j.Version + 1), CancellationToken.None);
        try
        {
            var job = await jobs.AsNoTracking().FirstAsync(ct);
            // The run has the uploader's scope and name, as if they were waiting on the request.
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
            scope.ServiceProvider.GetRequiredService<OrgScope>().AsSystem(job.TenantId); // to read the uploader's grants in their district
            var user = await db.Users.AsNoTracking().Where(u => u.Id == job.UserId).Select(u => new { u.UserName, u.IsDisabled }).FirstOrDefaultAsync(ct);
            if (user is null || user.IsDisabled) { await Fail("上传人的账号已停用，未导入任何数据。"); return; }
            var grants = await db.RoleGrants.AcrossScope().AsNoTracking().Where(g => g.UserId == job.UserId)
                .OrderBy(g => g.OrgPath.Length).ThenBy(g => g.Role).ToListAsync(ct);
            scope.ServiceProvider.GetRequiredService<OrgScope>().SetUser(job.UserId, user.UserName ?? job.UserName, job.TenantId, grants, job.GrantId);

            var read = ImportMembers.Read(new MemoryStream(job.File ?? []));
            if (!read.IsOk) { await Fail(read.Errors!.Values.SelectMany(v => v).FirstOrDefault() ?? "无法读取文件。"); return; }
            var pd = scope.ServiceProvider.GetRequiredService<PersonalData>();
            var outcome = await ImportMembers.ImportRowsAsync(db, scope.ServiceProvider.GetRequiredService<OrgDirectory>(),
                scope.ServiceProvider.GetRequiredService<PlaceDirectory>(), pd, clock, read.Value!, (state, n) =>
                jobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, state).SetProperty(j => j.ProcessedRows, n)
                    .SetProperty(j => j.HeartbeatAt, clock.GetUtcNow().UtcDateTime), ct), ct);
            if (!outcome.IsOk)
            {
                await Fail(outcome.Kind == OutcomeKind.Forbidden ? "上传人已无党员管理权限，未导入任何数据。" : outcome.Errors!.Values.SelectMany(v => v).FirstOrDefault() ?? outcome.Message ?? "导入失败，未导入任何数据。");
                return;
            }
            var r = outcome.Value!;
            var rejectsJson = JsonSerializer.Serialize(r.Rejected.Take(ImportJobs.RejectsShown));
            var workbook = r.RejectsWorkbook is null ? null : Convert.FromBase64String(r.RejectsWorkbook);
            await jobs.ExecuteUpdateAsync(s => s.SetProperty(j => j.State, ImportJobState.Done).SetProperty(j => j.ProcessedRows, r.Rows)
                .SetProperty(j => j.Imported, r.Imported).SetProperty(j => j.Skipped, r.Skipped).SetProperty(j => j.RejectedCount, r.Rejected.Count)
                .SetProperty(j => j.RejectsJson, rejectsJson).SetProperty(j => j.RejectsWorkbook, workbook).SetProperty(j => j.File, (byte[]?)null)
                .SetProperty(j => j.FinishedAt, clock.GetUtcNow().UtcDateTime).SetProperty(j => j.Version, j => j.Version + 1), CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogError(e, "Import job {Id} failed", id);
            await Fail("导入过程出错，未导入任何数据，请重试或联系管理员。");
        }
    }
}
