using Lianxin.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Platform.Audit;

public record ChainBreak(long Seq, Guid EntryId, string Reason);

public record ChainReport(long Checked, bool Intact, ChainBreak? FirstBreak);

/// <summary>Walks the tenant's audit log in order and reports the first entry whose hash or link does not hold.</summary>
public static class AuditChain
{
    public static async Task<ChainReport> VerifyAsync(LianxinDb db, CancellationToken ct = default)
    {
        var prev = "";
        long expectedSeq = 1, checkedCount = 0;
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
                    return new(checkedCount, false, new(e.Seq, e.Id, $"序号不连续：应为 {expectedSeq}，实为 {e.Seq}（有记录被删除）"));
                if (e.PrevHash != prev)
                    return new(checkedCount, false, new(e.Seq, e.Id, "前一条的哈希不符（上一条记录被改动或删除）"));
                if (AuditHash.Compute(e) != e.Hash)
                    return new(checkedCount, false, new(e.Seq, e.Id, "本条内容与哈希不符（记录被改动）"));
                prev = e.Hash;
                expectedSeq++;
            }
            after = batch[^1].Seq;
        }
        return new(checkedCount, true, null);
    }
}
