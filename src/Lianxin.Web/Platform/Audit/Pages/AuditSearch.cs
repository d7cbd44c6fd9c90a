using Lianxin.Web.Platform;
using System.Text.Json;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Identity;
using Lianxin.Web.Platform.Identity.Users;
using Lianxin.Web.Platform.Lists;
using Microsoft.EntityFrameworkCore;
using Lianxin.Web.Platform.Time;

namespace Lianxin.Web.Platform.Audit.Pages;

public record AuditSearchRequest(string? Entity, string? EntityId, string? Action, string? User, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50,
    string? Cursor = null);
public record AuditEntryDto(Guid Id, long Seq, DateTime At, Guid? UserId, string UserName, string Entity, string EntityId, string Action, string ActionName, string? Before, string? After, string? Ip);

/// <summary>
/// The audit log newest first, filtered by entity, action, user name and Shanghai date range; for <see cref="Permission.AuditView"/>
/// holders. Keyset pages by Seq with a total capped at <paramref name="countCap"/> (ADR 0036): the log only grows.
/// </summary>
public static class AuditSearch
{
    public static async Task<Outcome<ListPage<AuditEntryDto>>> HandleAsync(AuditSearchRequest r, LianxinDb db, int countCap, CancellationToken ct)
    {
        if (!db.Scope.CanAnywhere(Permission.AuditView)) return Failure.Forbidden;
        var errors = new Errors();
        AuditAction? action = null;
        if (!string.IsNullOrWhiteSpace(r.Action))
        {
            if (Enum.TryParse<AuditAction>(r.Action.Trim(), true, out var a) && Enum.IsDefined(a) && !r.Action.Trim().All(char.IsDigit)) action = a;
            else errors.Fail("action", "操作类型无效。");
        }
        if (r.From is { } f && r.To is { } t && f > t) errors.Fail("from", "开始日期不能晚于结束日期。");
        if (errors.Any) return Failure.Invalid(errors);

        var page = Math.Max(1, r.Page);
        var size = Math.Clamp(r.PageSize, 1, 200);
        var query = db.AuditEntries.AsNoTracking();
        if (r.Entity?.Trim() is { Length: > 0 } entity) query = query.Where(e => e.Entity == entity);
        if (r.EntityId?.Trim() is { Length: > 0 } entityId) query = query.Where(e => e.EntityId == entityId);
        if (action is { } act) query = query.Where(e => e.Action == act);
        if (r.User?.Trim() is { Length: > 0 } user) query = query.Where(e => e.UserName.Contains(user));
        if (r.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            query = query.Where(e => e.At >= start);
        }
        if (r.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            query = query.Where(e => e.At < end);
        }
        var found = await Keyset.PageAsync(query, NewestFirst, r.Cursor, page, size, countCap, ct);
        if (!found.IsOk) return found.AsFailure();
        var p = found.Value!;
        return p with { Items = p.Items.Select(i => i with { ActionName = NameOf(Enum.Parse<AuditAction>(i.Action)) }).ToList() };
    }

    /// <summary>Newest first by Seq, unique per district.</summary>
    static readonly KeysetOrder<AuditEntry, AuditEntryDto> NewestFirst = new("audit", 1,
        (q, back) => back ? q.OrderBy(e => e.Seq) : q.OrderByDescending(e => e.Seq),
        (keys, back) => !long.TryParse(keys[0], out var seq) ? null : back ? e => e.Seq > seq : e => e.Seq < seq,
        e => new AuditEntryDto(e.Id, e.Seq, e.At, e.UserId, e.UserName, e.Entity, e.EntityId, e.Action.ToString(), "", e.Before, e.After, e.Ip),
        e => [e.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>Entity names present in the log, for the filter select.</summary>
    public static Task<List<string>> EntitiesAsync(LianxinDb db, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Select(e => e.Entity).Distinct().OrderBy(e => e).ToListAsync(ct);

    public static string NameOf(AuditAction a) => a switch
    {
        AuditAction.Insert => "新增",
        AuditAction.Update => "修改",
        AuditAction.Delete => "删除",
        AuditAction.SignIn => "登录",
        AuditAction.SignInFailed => "登录失败",
        AuditAction.LockedOut => "账号锁定",
        AuditAction.SignOut => "退出登录",
        AuditAction.AccessDenied => "拒绝访问",
        _ => a.ToString(),
    };


    public record Change(string Field, string? Before, string? After);

    /// <summary>Before/after as field rows; a security entry's plain-text detail comes back as one row.</summary>
    public static List<Change> Changes(string? before, string? after)
    {
        var b = Parse(before, out var bText);
        var a = Parse(after, out var aText);
        if (b is null && a is null)
            return bText is null && aText is null ? [] : [new("详情", bText, aText)];
        var fields = (b?.Keys ?? Enumerable.Empty<string>()).Concat(a?.Keys ?? Enumerable.Empty<string>()).Distinct();
        return fields.Select(f => new Change(f, b?.GetValueOrDefault(f), a?.GetValueOrDefault(f))).ToList();
    }

    static Dictionary<string, string?>? Parse(string? json, out string? text)
    {
        text = null;
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
                return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                });
        }
        catch (JsonException) { }
        text = json;
        return null;
    }
}
