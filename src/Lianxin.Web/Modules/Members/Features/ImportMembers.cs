using Lianxin.Web.Modules.Organizations.Contracts;
using Lianxin.Web.Modules.Members.Contracts;
using Lianxin.Web.Platform;
using System.Text.Json;
using Lianxin.Web.Modules.Members.Data;
using Lianxin.Web.Modules.Members.Domain;
using Lianxin.Web.Platform.Audit;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Excel;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Modules.Members.Features;

public record ImportReject(int Row, string Name, string Reason);
/// <summary><see cref="RejectsWorkbook"/> is the rejected rows with a reason column (base64 .xlsx), null when none.</summary>
public record ImportResult(int Rows, int Imported, int Skipped, IReadOnlyList<ImportReject> Rejected, string? RejectsWorkbook);

/// <summary>
/// Members from an .xlsx with Chinese headers. Every row is checked (ID checksum, dates, known branch in the
/// caller's scope, duplicates in the file and against the roster); the valid rows are stored in one transaction,
/// the rejected ones come back with their reason. A row whose ID number is already on the roster with the same
/// name and branch is skipped, so importing the same file twice changes nothing.
/// </summary>
public static class ImportMembers
{
    public static readonly string[] Headers = ["姓名", "公民身份号码", "民族", "手机号码", "学历", "入党日期", "转正日期", "党员类别", "所在支部", "居住小区", "详细住址", "工作单位", "在职情况", "流向"];
    public const string ReasonHeader = "错误原因";

    public static byte[] Template() => Xlsx.Write("党员导入模板", Headers, []);

    public static async Task<Outcome<ImportResult>> HandleAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, Stream file, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(MemberPermissions.MemberManage)) return Failure.Forbidden;
        var read = Read(file);
        if (!read.IsOk) return read.AsFailure();
        return await ImportRowsAsync(db, units, places, pd, clock, read.Value!, null, ct);
    }

    /// <summary>Reads the sheet and checks it is an import file at all (readable, has rows, has the required columns).</summary>
    public static Outcome<List<SheetRow>> Read(Stream file)
    {
        List<SheetRow> rows;
        try { rows = Xlsx.Read(file); }
        catch (Exception e) when (e is InvalidDataException or FileFormatException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or ArgumentException or System.Xml.XmlException)
        {
            return Failure.Invalid("file", "无法读取文件，请使用 .xlsx 格式的导入模板。");
        }
        if (rows.Count == 0) return Failure.Invalid("file", "文件中没有数据行。");
        var missing = Headers.Take(2).Concat(["入党日期", "所在支部"]).Where(h => !rows[0].Values.ContainsKey(h) && rows.All(r => !r.Values.ContainsKey(h))).ToList();
        if (missing.Count > 0) return Failure.Invalid("file", $"缺少列：{string.Join("、", missing)}。请使用导入模板。");
        return rows;
    }

    /// <summary>How often validation reports progress.</summary>
    public const int ProgressEvery = 500;

    /// <summary>
    /// Validates every row (reporting <paramref name="progress"/> with the rows checked so far), then stores the valid
    /// ones in one transaction (reporting <see cref="ImportJobState.Importing"/> first).
    /// </summary>
    public static async Task<Outcome<ImportResult>> ImportRowsAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, PersonalData pd, TimeProvider clock, List<SheetRow> rows,
        Func<ImportJobState, int, Task>? progress, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(MemberPermissions.MemberManage)) return Failure.Forbidden;
        var today = clock.Today();
        var now = clock.GetUtcNow().UtcDateTime;
        // Branches the caller may manage, by full name, short name or code.
        var branches = (await units.InScopeAsync(ct, activeOnly: true, OrgKind.Branch))
            .Where(u => db.Scope.Can(MemberPermissions.MemberManage, u.Path)).ToList();
        var byName = new Dictionary<string, OrgUnitRef>();
        foreach (var b in branches) { byName.TryAdd(b.Name, b); byName.TryAdd(b.Code, b); }
        var compounds = await places.CompoundsInDistrictAsync(ct);
        var compoundByName = compounds.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First() : null);

        var compoundLookup = compoundByName.ToDictionary(kv => kv.Key, kv => kv.Value is null ? ((Guid, Guid)?)null : (kv.Value.Id, kv.Value.CommunityId));
        var parsed = new List<(SheetRow Row, string Hash, Member? Member, string? Reason)>();
        var seen = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var (member, hash, reason) = Parse(row, pd, byName, compoundLookup, today);
            if (reason is null && seen.TryGetValue(hash, out var first)) reason = $"与第 {first} 行的公民身份号码重复。";
            if (hash != "" && !seen.ContainsKey(hash)) seen[hash] = row.Number;
            parsed.Add((row, hash, member, reason));
            if (progress is not null && parsed.Count % ProgressEvery == 0) await progress(ImportJobState.Validating, parsed.Count);
        }

        // Against the roster of the whole district (one person, one membership), in chunks for large files.
        var hashes = parsed.Where(p => p.Reason is null).Select(p => p.Hash).ToList();
        var existing = new Dictionary<string, (string Name, Guid BranchId)>();
        foreach (var chunk in hashes.Chunk(500))
            foreach (var e in await db.Members.AcrossScope().Where(m => chunk.Contains(m.IdNumberHash)).Select(m => new { m.IdNumberHash, m.Name, m.BranchId }).ToListAsync(ct))
                existing[e.IdNumberHash] = (e.Name, e.BranchId);

        var rejects = new List<(SheetRow Row, string Reason)>();
        var toAdd = new List<Member>();
        var skipped = 0;
        foreach (var (row, hash, member, reason) in parsed)
        {
            if (reason is not null) { rejects.Add((row, reason)); continue; }
            if (existing.TryGetValue(hash, out var e))
            {
                if (e.Name == member!.Name && e.BranchId == member.BranchId) skipped++;
                else rejects.Add((row, "该公民身份号码已在党员名册中（姓名或支部不一致），请核对。"));
                continue;
            }
            toAdd.Add(member!);
        }

        if (progress is not null) await progress(ImportJobState.Importing, rows.Count);
        if (toAdd.Count > 0)
        {
            var transfers = new List<MemberTransfer>(toAdd.Count);
            var statuses = new List<MemberStatusChange>(toAdd.Count);
            foreach (var m in toAdd)
            {
                m.CreatedAt = now;
                m.TenantId = db.CurrentTenantId;
                transfers.Add(new MemberTransfer { TenantId = db.CurrentTenantId, MemberId = m.Id, OrgPath = m.OrgPath, Kind = TransferKind.Joined, ToBranchId = m.BranchId, ToPath = m.OrgPath, On = today, Reason = "批量导入", RecordedAt = now, RecordedBy = db.Scope.UserName });
                statuses.Add(new MemberStatusChange { TenantId = db.CurrentTenantId, MemberId = m.Id, OrgPath = m.OrgPath, To = MemberStatus.Normal, On = today, Reason = "批量导入", RecordedAt = now, RecordedBy = db.Scope.UserName });
            }
            // One transaction: either every valid row is stored or none is. The rows go in as multi-row INSERTs
            // (a row-by-row change tracker made a 100,000-row import many times slower than a bulk insert), and the
            // audit log gets one hash-chained entry naming the import and every member id it added.
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await BulkInsert.InsertAsync(db, toAdd, ct);
            await BulkInsert.InsertAsync(db, transfers, ct);
            await BulkInsert.InsertAsync(db, statuses, ct);
            if (!db.Scope.AuditSuppressed)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    TenantId = db.CurrentTenantId, At = now, UserId = db.Scope.UserId, UserName = db.Scope.UserName, Entity = nameof(Member), EntityId = $"import:{toAdd.Count}",
                    Action = AuditAction.Insert,
                    After = JsonSerializer.Serialize(new { import = "党员批量导入", rows = rows.Count, imported = toAdd.Count, skipped, rejected = rejects.Count, members = toAdd.Select(m => m.Id) }),
                });
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }

        string? workbook = null;
        if (rejects.Count > 0)
        {
            var headers = Headers.Append(ReasonHeader).Prepend("行号").ToList();
            workbook = Convert.ToBase64String(Xlsx.Write("未导入的行", headers,
                rejects.Select(r => (IReadOnlyList<object?>)[r.Row.Number, .. Headers.Select(h => (object?)r.Row[h]), r.Reason])));
        }
        return new ImportResult(rows.Count, toAdd.Count, skipped,
            rejects.Select(r => new ImportReject(r.Row.Number, r.Row["姓名"], r.Reason)).ToList(), workbook);
    }

    static (Member? Member, string Hash, string? Reason) Parse(SheetRow r, PersonalData pd, Dictionary<string, OrgUnitRef> branches,
        Dictionary<string, (Guid Id, Guid CommunityId)?> compounds, DateOnly today)
    {
        var name = r["姓名"];
        var id = r["公民身份号码"];
        var hash = CitizenId.IsValid(id) ? pd.Hash(id) : "";
        string? Fail(string why) => why;
        if (string.IsNullOrWhiteSpace(name)) return (null, hash, Fail("姓名为空。"));
        if (name.Length > 60) return (null, hash, Fail("姓名过长。"));
        if (CitizenId.Problem(id) is { } idProblem) return (null, hash, idProblem);
        var normalized = PersonalData.Normalize(id);
        var birth = CitizenId.BirthDate(normalized)!.Value;
        var joined = Xlsx.Date(r["入党日期"]);
        if (joined is null) return (null, hash, string.IsNullOrEmpty(r["入党日期"]) ? "入党日期为空。" : "入党日期格式不正确（应为 2020-07-01）。");
        if (joined > today) return (null, hash, "入党日期晚于今天。");
        if (joined < birth.AddYears(18)) return (null, hash, "入党时未满十八周岁，请核对入党日期或身份证号。");
        var full = Xlsx.Date(r["转正日期"]);
        if (full is null && !string.IsNullOrEmpty(r["转正日期"])) return (null, hash, "转正日期格式不正确。");
        if (full < joined) return (null, hash, "转正日期早于入党日期。");
        MemberCategory category;
        if (string.IsNullOrEmpty(r["党员类别"])) category = full is null ? MemberCategory.Probationary : MemberCategory.Full;
        else if (MemberNames.ParseChinese<MemberCategory>(r["党员类别"]) is { } c) category = c;
        else return (null, hash, "党员类别应为“正式党员”或“预备党员”。");
        if (category == MemberCategory.Full && full is null) return (null, hash, "正式党员缺少转正日期。");
        if (!branches.TryGetValue(r["所在支部"], out var branch)) return (null, hash, string.IsNullOrEmpty(r["所在支部"]) ? "所在支部为空。" : $"未知支部“{r["所在支部"]}”，或不在您的管辖范围内。");
        var employment = Employment.InService;
        if (!string.IsNullOrEmpty(r["在职情况"]))
        {
            if (MemberNames.ParseChinese<Employment>(r["在职情况"]) is { } e) employment = e;
            else return (null, hash, "在职情况应为：在职、离退休、流动党员、无固定职业或学生。");
        }
        if (employment == Employment.Floating && string.IsNullOrEmpty(r["流向"])) return (null, hash, "流动党员缺少流向。");
        var phone = PhoneNumber.Normalize(r["手机号码"]);
        if (phone is not null && !PhoneNumber.IsMobile(phone)) return (null, hash, "手机号码应为 11 位数字（可带 +86）。");
        var (phoneCipher, phoneHash) = pd.Seal(phone);
        (Guid Id, Guid CommunityId)? compound = null;
        if (r["居住小区"] != "")
        {
            if (!compounds.TryGetValue(r["居住小区"], out compound)) return (null, hash, $"未知小区“{r["居住小区"]}”。");
            if (compound is null) return (null, hash, $"小区名称“{r["居住小区"]}”不唯一，请在系统中录入。");
        }
        return (new Member
        {
            Name = name, Gender = CitizenId.GenderOf(normalized), BirthDate = birth, Ethnicity = r["民族"] is { Length: > 0 } eth ? eth : "汉族",
            IdNumberCipher = pd.Encrypt(normalized), IdNumberHash = hash, PhoneCipher = phoneCipher, PhoneHash = phoneHash, Education = NullIfEmpty(r["学历"]),
            JoinedOn = joined.Value, FullMemberOn = full, Category = category, Status = MemberStatus.Normal, StatusSince = today,
            BranchId = branch.Id, OrgPath = branch.Path, CompoundId = compound?.Id, ResidenceCommunityId = compound?.CommunityId,
            Address = NullIfEmpty(r["详细住址"]), Workplace = NullIfEmpty(r["工作单位"]), Employment = employment,
            FloatingTo = employment == Employment.Floating ? r["流向"] : null,
        }, hash, null);
    }

    static string? NullIfEmpty(string s) => s == "" ? null : s;
}
