using Lianxin.Web.Modules.Organizations.Contracts;
namespace Lianxin.Web.Modules.Organizations.Domain;

/// <summary>
/// The rules of the tree, free of the database so they can be tested alone. Each check returns the
/// Chinese reason a person is shown when the rule is broken, or null when the operation may go ahead.
/// </summary>
public static class OrgRules
{
    /// <summary>May <paramref name="unit"/> be moved under <paramref name="newParent"/>?</summary>
    public static string? CheckMove(OrgUnit unit, OrgUnit newParent)
    {
        if (unit.ParentId is null) return "顶级组织不能移动。";
        if (!unit.IsActive) return "已撤销的组织不能移动。";
        if (!newParent.IsActive) return "不能移动到已撤销的组织下。";
        if (newParent.Id == unit.Id || IsWithin(newParent.Path, unit.Path)) return "不能把组织移动到它自己或它的下级组织之下。";
        if (newParent.Id == unit.ParentId) return "该组织已在所选上级组织之下。";
        if (!newParent.Kind.MayContain(unit.Kind)) return $"{newParent.Kind.Chinese()}下不能设立{unit.Kind.Chinese()}。";
        return null;
    }

    /// <summary>May a new unit of <paramref name="kind"/> be created under <paramref name="parent"/>?</summary>
    public static string? CheckCreate(OrgUnit parent, OrgKind kind)
    {
        if (!parent.IsActive) return "不能在已撤销的组织下新建组织。";
        if (!parent.Kind.MayContain(kind)) return $"{parent.Kind.Chinese()}下不能设立{kind.Chinese()}。";
        return null;
    }

    /// <summary>A branch that grids or compounds name as theirs keeps the sub-kind that link means.</summary>
    public static string? CheckBranchKindChange(OrgUnit unit, BranchKind newKind, int linkedGrids, int linkedCompounds)
    {
        if (unit.BranchKind == newKind) return null;
        if (linkedGrids > 0) return $"该支部是 {linkedGrids} 个网格的网格党支部，不能改为其他类别。";
        if (linkedCompounds > 0) return $"该支部是 {linkedCompounds} 个小区的小区党支部，不能改为其他类别。";
        return null;
    }

    /// <summary>Dissolving keeps history, so a unit with living children must have them dissolved or moved first.</summary>
    public static string? CheckDissolve(OrgUnit unit, int activeChildren)
    {
        if (!unit.IsActive) return "该组织已撤销。";
        if (unit.ParentId is null) return "顶级组织不能撤销。";
        if (activeChildren > 0) return $"该组织还有 {activeChildren} 个未撤销的下级组织，请先撤销或移走下级组织。";
        return null;
    }

    /// <summary>"拆—转—建" (source 002): a compound gets its own branch once, under an active community.</summary>
    public static string? CheckSplit(Compound compound, OrgUnit community)
    {
        if (compound.BranchId is not null) return "该小区已有自己的党支部。";
        if (community.Kind != OrgKind.Community) return "小区所属的不是社区党组织，不能拆分建支部。";
        if (!community.IsActive) return "小区所属社区党组织已撤销。";
        return null;
    }

    /// <summary>Marks the unit dissolved; history stays (the row, its name, its people and when it ended).</summary>
    public static void Dissolve(OrgUnit unit, string reason, DateTime nowUtc)
    {
        unit.Status = OrgStatus.Dissolved;
        unit.DissolvedAt = nowUtc;
        unit.DissolveReason = reason.Trim();
    }

    /// <summary>Is <paramref name="path"/> the subtree root <paramref name="root"/> or below it?</summary>
    public static bool IsWithin(string path, string root) => path.StartsWith(root, StringComparison.Ordinal);

    /// <summary>The path a row under <paramref name="oldRoot"/> gets once that subtree hangs at <paramref name="newRoot"/>.</summary>
    public static string Rebase(string path, string oldRoot, string newRoot) =>
        IsWithin(path, oldRoot) ? newRoot + path[oldRoot.Length..] : path;

    /// <summary>Depth is the number of ids in the path, counted from 0 at the top.</summary>
    public static int DepthOf(string path) => path.Count(c => c == '/') - 2;

    /// <summary>The ids along a path, top first (for showing "青禾区委 / 东湖街道 / …").</summary>
    public static IReadOnlyList<Guid> IdsOf(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.TryParseExact(s, "N", out var g) ? g : Guid.Empty).Where(g => g != Guid.Empty).ToList();

    /// <summary>The unit a path ends with ("/…/{id:N}/"); Guid.Empty for a path that names none.</summary>
    public static Guid UnitOf(string path) =>
        path.Length >= 33 && Guid.TryParseExact(path.AsSpan(path.Length - 33, 32), "N", out var id) ? id : Guid.Empty;

    /// <summary>
    /// Moves <paramref name="unit"/> and rewrites every unit of its subtree (itself included, all given in
    /// <paramref name="subtree"/>) to hang under <paramref name="newParent"/>. Returns the old and new root
    /// path so that scoped rows can be rebased with <see cref="Rebase"/>.
    /// </summary>
    public static (string OldRoot, string NewRoot) Move(OrgUnit unit, OrgUnit newParent, IEnumerable<OrgUnit> subtree)
    {
        var oldRoot = unit.Path;
        var newRoot = OrgUnit.PathOf(newParent.Path, unit.Id);
        var shift = newParent.Depth + 1 - unit.Depth;
        foreach (var u in subtree)
        {
            if (!IsWithin(u.Path, oldRoot)) continue;
            u.Path = Rebase(u.Path, oldRoot, newRoot);
            u.Depth += shift;
        }
        unit.ParentId = newParent.Id;
        return (oldRoot, newRoot);
    }

    /// <summary>The path a compound (and its buildings and households) lives at: its own branch, else its grid's, else the community's.</summary>
    public static string PlacePath(OrgUnit community, OrgUnit? ownBranch, Grid? grid) =>
        ownBranch?.Path ?? grid?.OrgPath ?? community.Path;
}
