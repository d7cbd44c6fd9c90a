using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Audit;

/// <summary>Where the chain first fails: the entry's sequence number, and its id when the entry is there.</summary>
public record ChainBreak(long Seq, Guid? EntryId, string Reason);

/// <summary><see cref="Checkpoints"/>: how many signed checkpoints were compared; <see cref="AnchoredAt"/>: the latest one's time.</summary>
public record ChainReport(long Checked, bool Intact, ChainBreak? FirstBreak, int Checkpoints = 0, DateTime? AnchoredAt = null);

/// <summary>
/// Walks the tenant's audit log in order and reports the first entry whose sequence, link or signature does not hold, then
/// compares the chain with the signed checkpoints outside the database: a head that differs from a checkpoint (a rewritten
/// or rebuilt chain) or ends before one (a truncated tail) is a break (ADR 0029).
/// </summary>
public class AuditChain(AuditKeys keys, AuditCheckpoints checkpoints)
{
    public async Task<ChainReport> VerifyAsync(LianxinDb db, CancellationToken ct = default)
    {
        var written = await checkpoints.ReadAsync(db.CurrentTenantId, ct);
        foreach (var c in written.Where(c => !checkpoints.Valid(c)))
            return new(0, false, new(c.Seq, null, checkpoints.CanCheck(c)
                ? $"{AuditCheckpoints.Describe(c)}（第 {c.Seq} 条）签名不符：检查点文件被改写，或配置的审计密钥不对。"
                : $"{AuditCheckpoints.Describe(c)}（第 {c.Seq} 条）用第 {c.KeyVersion} 版审计密钥签名，但未配置该版本（Audit:Keys:{c.KeyVersion}），无法核对。"), written.Count);
        var anchors = Effective(written);
        var at = new Dictionary<long, AuditCheckpoint>();
        foreach (var c in anchors) at[c.Seq] = c;
        var latest = anchors.Count == 0 ? null : anchors.MaxBy(c => c.At);

        var prev = "";
        long expectedSeq = 1, checkedCount = 0;
        var keyed = false;
        ChainReport Broken(AuditEntry e, string reason) => new(checkedCount, false, new(e.Seq, e.Id, reason), anchors.Count, latest?.At);
        // Streamed in pages so a long log does not sit in memory at once.
        const int page = 2000;
        long after = 0;
        while (true)
        {
            var batch = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Seq > after).OrderBy(e => e.Seq).Take(page).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var e in batch)
            {
                checkedCount++;
                if (e.Seq != expectedSeq)
                    return Broken(e, $"序号不连续：应为 {expectedSeq}，实为 {e.Seq}（第 {expectedSeq} 至 {e.Seq - 1} 条被删除）");
                if (e.PrevHash != prev)
                    return Broken(e, "前一条的哈希不符（上一条记录被改动或删除）");
                if (e.KeyVersion == 0 && keyed)
                    return Broken(e, "本条没有密钥签名，却排在已签名的记录之后（链被不持有密钥者改写或重建）");
                if (!keys.Has(e.KeyVersion))
                    return Broken(e, $"本条用第 {e.KeyVersion} 版审计密钥签名，但未配置该版本（Audit:Keys:{e.KeyVersion}），无法验证");
                if (!AuditKeys.Same(AuditHash.Compute(e, keys), e.Hash))
                    return Broken(e, e.KeyVersion == 0 ? "本条内容与哈希不符（记录被改动）" : "本条内容与密钥签名不符（记录被改动，或链被不持有密钥者重建）");
                if (at.TryGetValue(e.Seq, out var c) && c.Head != e.Hash)
                    return Broken(e, $"本条与{AuditCheckpoints.Describe(c)}不符（记录被改写，或整条链被重建）");
                keyed |= e.KeyVersion > 0;
                prev = e.Hash;
                expectedSeq++;
            }
            after = batch[^1].Seq;
        }
        var head = expectedSeq - 1;
        if (anchors.Where(c => c.Seq > head).MaxBy(c => c.Seq) is { } beyond)
            return new(checkedCount, false, new(head + 1, null,
                $"审计链末尾被截断：{AuditCheckpoints.Describe(beyond)}记录到第 {beyond.Seq} 条，现在只到第 {head} 条（第 {head + 1} 至 {beyond.Seq} 条被删除）"), anchors.Count, latest?.At);
        return new(checkedCount, true, null, anchors.Count, latest?.At);
    }

    /// <summary>
    /// The checkpoints that still hold: a restore set the head back to its entry, so checkpoints written before it for
    /// later entries describe entries the restore took away (and later entries reuse those numbers).
    /// </summary>
    static List<AuditCheckpoint> Effective(IReadOnlyList<AuditCheckpoint> written)
    {
        var kept = new List<AuditCheckpoint>();
        foreach (var c in written)
        {
            if (c.Kind == AuditCheckpoint.Restore) kept.RemoveAll(k => k.Seq > c.Seq);
            kept.Add(c);
        }
        return kept;
    }
}
