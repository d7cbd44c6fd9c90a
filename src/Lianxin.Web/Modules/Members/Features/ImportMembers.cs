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
    /// <summary>The template's columns: what the 说明 sheet says of each, the text columns, the fixed dropdowns (branches and compounds are added per caller).</summary>
    static readonly XlsxField[] Fields =
    [
        new("姓名", "党员姓名，与身份证一致。", Required: true),
        new("公民身份号码", "18 位公民身份号码，末位可为 X；性别和出生日期由号码得出。", Required: true) { Text = true },
        new("民族", "如“汉族”，不填按汉族。"),
        new("手机号码", "11 位手机号码，可不填。") { Text = true },
        new("学历", "如“大学本科”，可不填。"),
        new("入党日期", "日期，如 2020-07-01（Excel 日期或文本均可）；不得晚于今天，入党时须年满十八周岁。", Required: true),
        new("转正日期", "日期；正式党员必填，预备党员不填；不得早于入党日期。"),
        new("党员类别", "不填时：有转正日期为正式党员，否则为预备党员。") { Choices = [.. Enum.GetValues<MemberCategory>().Select(c => c.Chinese())] },
        new("所在支部", "您管辖范围内的支部，填全称、简称或编码。", Required: true),
        new("居住小区", "系统中已有的小区名称，可不填。"),
        new("详细住址", "可不填。"),
        new("工作单位", "可不填。"),
        new("在职情况", "不填按在职。") { Choices = [.. Enum.GetValues<Employment>().Select(e => e.Chinese())] },
        new("流向", "流动党员必填：外出流向地。"),
    ];

    public static readonly string[] Headers = [.. Fields.Select(f => f.Header)];
    public const string ReasonHeader = "错误原因";

    /// <summary>What the template's 说明 sheet says before the columns.</summary>
    static readonly string[] Notes =
    [
        "党员导入模板填写说明",
        "第一行为列名，请勿修改；每行一名党员。身份证号码和手机号码列已设为文本格式，请勿改为数字，否则 Excel 会把号码变成 3.30199199001011E+17 并丢失末几位。",
        "下拉列表中的支部和小区是下载模板时您管辖范围内的；导入时逐行检查，有问题的行不导入，可下载“未导入的行”改正后再导入。",
    ];

    /// <summary>The import template for the caller: the columns with dropdowns of the branches they manage and the district's compounds (a member may live outside the caller's area).</summary>
    public static async Task<Outcome<byte[]>> TemplateAsync(LianxinDb db, OrgDirectory units, PlaceDirectory places, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(MemberPermissions.MemberManage)) return Failure.Forbidden;
        var branches = await ManagedBranchesAsync(db, units, ct);
        var compounds = (await places.CompoundsInDistrictAsync(ct)).Select(c => c.Name).Distinct().Order().ToList();
        return Xlsx.Template("党员导入模板", WithChoices(branches, compounds), Notes);
    }

    static XlsxField[] WithChoices(IEnumerable<OrgUnitRef> branches, IReadOnlyList<string> compounds) =>
        [.. Fields.Select(f => f.Header switch
        {
            "所在支部" => f with { Choices = [.. branches.Select(b => b.Name).Distinct()] },
            "居住小区" => f with { Choices = compounds },
            _ => f,
        })];

    /// <summary>Branches the caller may manage (import into).</summary>
    static async Task<List<OrgUnitRef>> ManagedBranchesAsync(LianxinDb db, OrgDirectory units, CancellationToken ct) =>
        (await units.InScopeAsync(ct, activeOnly: true, OrgKind.Branch)).Where(u => db.Scope.Can(MemberPermissions.MemberManage, u.Path)).ToList();

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
        var branches = await ManagedBranchesAsync(db, units, ct);
        var byName = new Dictionary<string, OrgUnitRef>();
        foreach (var b in branches) { byName.TryAdd(b.Name, b); byName.TryAdd(b.Code, b); }
        var compounds = await places.CompoundsInDistrictAsync(ct);
        var compoundByName = compounds.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First() : null);

        var compoundLookup = compoundByName.ToDictionary(kv => kv.Key, kv => kv.Value is null ? ((Guid, Guid)?)null : (kv.Value.Id, kv.Value.CommunityId));
        var parsed = new List<(SheetRow Row, string Hash, Member? Member, string? Reason)>();
        var seen = new Dictionary<string, int>();
        foreach (var row in rows)
        {
            var (member, hash, errors) = Parse(row, pd, byName, compoundLookup, today);
            if (hash != "" && seen.TryGetValue(hash, out var first)) errors.Add($"与第 {first} 行的公民身份号码重复。");
            if (hash != "" && !seen.ContainsKey(hash)) seen[hash] = row.Number;
            parsed.Add((row, hash, errors.Count == 0 ? member : null, Reason(errors)));
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
            // The bulk path bypasses the save that keeps the figures (ADR 0037): they are added here, in the same transaction.
            await MemberFiguresAggregate.AddInsertedAsync(db, toAdd.Select(m => m.Id).ToList(), ct);
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
            // The template's columns (text formats, dropdowns) with the user's cells as they were: a date stays a date.
            XlsxField[] fields = [new("行号", "原文件中的行号。"), .. WithChoices(branches, [.. compoundByName.Keys]), new(ReasonHeader, "该行未导入的全部原因。")];
            workbook = Convert.ToBase64String(Xlsx.Write([
                Xlsx.Sheet("未导入的行", fields, rejects.Select(r => (IReadOnlyList<object?>)[r.Row.Number, .. Headers.Select(r.Row.Original), r.Reason])),
                Xlsx.Notes(fields, ["未导入的行：按“错误原因”改正后，可直接用本文件再次导入（“行号”和“错误原因”两列导入时忽略）。"]),
            ]));
        }
        return new ImportResult(rows.Count, toAdd.Count, skipped,
            rejects.Select(r => new ImportReject(r.Row.Number, r.Row["姓名"], r.Reason)).ToList(), workbook);
    }

    /// <summary>Every problem of a row, in one sentence (null when none).</summary>
    public static string? Reason(IReadOnlyList<string> errors) =>
        errors.Count == 0 ? null : string.Join("；", errors.Select(e => e.TrimEnd('。'))) + "。";

    /// <summary>Why a number column's cell came in as a number: the column was not formatted as text (see the template's 说明).</summary>
    public static string StoredAsNumber(string header) =>
        $"{header}被 Excel 存成了数字（科学计数法，末几位已丢失）：请把该列单元格设置为“文本”格式后重新填写。";

    /// <summary>The member of a row, or every reason the row cannot be imported (not only the first).</summary>
    static (Member? Member, string Hash, List<string> Errors) Parse(SheetRow r, PersonalData pd, Dictionary<string, OrgUnitRef> branches,
        Dictionary<string, (Guid Id, Guid CommunityId)?> compounds, DateOnly today)
    {
        var errors = new List<string>();
        var name = r["姓名"];
        var id = r["公民身份号码"];
        var hash = CitizenId.IsValid(id) ? pd.Hash(id) : "";
        if (string.IsNullOrWhiteSpace(name)) errors.Add("姓名为空。");
        else if (name.Length > 60) errors.Add("姓名过长。");
        DateOnly? birth = null;
        // An ID typed into a number column: Excel keeps 15 digits, so the number cannot be checked, only re-entered as text.
        if (id != "" && (Xlsx.IsScientific(id) || r.Typed?.ContainsKey("公民身份号码") == true)) errors.Add(StoredAsNumber("公民身份号码"));
        else if (CitizenId.Problem(id) is { } idProblem) errors.Add(idProblem);
        else birth = CitizenId.BirthDate(PersonalData.Normalize(id));
        var joined = Xlsx.Date(r["入党日期"]);
        if (joined is null) errors.Add(string.IsNullOrEmpty(r["入党日期"]) ? "入党日期为空。" : "入党日期格式不正确（应为 2020-07-01）。");
        else if (joined > today) errors.Add("入党日期晚于今天。");
        else if (birth is { } b && joined < b.AddYears(18)) errors.Add("入党时未满十八周岁，请核对入党日期或身份证号。");
        var full = Xlsx.Date(r["转正日期"]);
        if (full is null && !string.IsNullOrEmpty(r["转正日期"])) errors.Add("转正日期格式不正确。");
        else if (full < joined) errors.Add("转正日期早于入党日期。");
        var category = full is null ? MemberCategory.Probationary : MemberCategory.Full;
        if (!string.IsNullOrEmpty(r["党员类别"]))
        {
            if (MemberNames.ParseChinese<MemberCategory>(r["党员类别"]) is { } c) category = c;
            else errors.Add("党员类别应为“正式党员”或“预备党员”。");
        }
        if (category == MemberCategory.Full && full is null && string.IsNullOrEmpty(r["转正日期"])) errors.Add("正式党员缺少转正日期。");
        if (!branches.TryGetValue(r["所在支部"], out var branch))
            errors.Add(string.IsNullOrEmpty(r["所在支部"]) ? "所在支部为空。" : $"未知支部“{r["所在支部"]}”，或不在您的管辖范围内。");
        var employment = Employment.InService;
        if (!string.IsNullOrEmpty(r["在职情况"]))
        {
            if (MemberNames.ParseChinese<Employment>(r["在职情况"]) is { } e) employment = e;
            else errors.Add("在职情况应为：在职、离退休、流动党员、无固定职业或学生。");
        }
        if (employment == Employment.Floating && string.IsNullOrEmpty(r["流向"])) errors.Add("流动党员缺少流向。");
        string? phone = null;
        if (Xlsx.IsScientific(r["手机号码"])) errors.Add(StoredAsNumber("手机号码"));
        else
        {
            phone = PhoneNumber.Normalize(r["手机号码"]);
            if (phone is not null && !PhoneNumber.IsMobile(phone)) errors.Add("手机号码应为 11 位数字（可带 +86）。");
        }
        (Guid Id, Guid CommunityId)? compound = null;
        if (r["居住小区"] != "")
        {
            if (!compounds.TryGetValue(r["居住小区"], out compound)) errors.Add($"未知小区“{r["居住小区"]}”。");
            else if (compound is null) errors.Add($"小区名称“{r["居住小区"]}”不唯一，请在系统中录入。");
        }
        if (errors.Count > 0) return (null, hash, errors);
        var (phoneCipher, phoneHash) = pd.Seal(phone);
        var normalized = PersonalData.Normalize(id);
        return (new Member
        {
            Name = name, Gender = CitizenId.GenderOf(normalized), BirthDate = birth!.Value, Ethnicity = r["民族"] is { Length: > 0 } eth ? eth : "汉族",
            IdNumberCipher = pd.Encrypt(normalized), IdNumberHash = hash, PhoneCipher = phoneCipher, PhoneHash = phoneHash, Education = NullIfEmpty(r["学历"]),
            JoinedOn = joined!.Value, FullMemberOn = full, Category = category, Status = MemberStatus.Normal, StatusSince = today,
            BranchId = branch!.Id, OrgPath = branch.Path, CompoundId = compound?.Id, ResidenceCommunityId = compound?.CommunityId,
            Address = NullIfEmpty(r["详细住址"]), Workplace = NullIfEmpty(r["工作单位"]), Employment = employment,
            FloatingTo = employment == Employment.Floating ? r["流向"] : null,
        }, hash, errors);
    }

    static string? NullIfEmpty(string s) => s == "" ? null : s;
}
