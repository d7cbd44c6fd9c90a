using Lianxin.Web.Platform.Data;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Modules.Members.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<ImportJobState>))]
public enum ImportJobState { Queued, Validating, Importing, Done, Failed }

/// <summary>
/// One member import from upload to result. The row is the only state: any app instance claims a queued job with an
/// UPDATE … WHERE State = 'Queued', writes progress to it, and the page and API read progress and result from it.
/// </summary>
public class ImportJob : Entity, IOrgScoped, IVersioned
{
    /// <summary>The unit of the uploader's grant: who may see the job.</summary>
    public string OrgPath { get; set; } = "";
    public Guid UserId { get; set; }
    public string UserName { get; set; } = "";
    /// <summary>The grant the upload was made under, so the background run has the same scope.</summary>
    public Guid? GrantId { get; set; }
    public string FileName { get; set; } = "";
    public ImportJobState State { get; set; }
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int Imported { get; set; }
    public int Skipped { get; set; }
    public int RejectedCount { get; set; }
    public string? Error { get; set; }
    /// <summary>The first rejected rows (row, name, reason) as JSON, for the page.</summary>
    public string? RejectsJson { get; set; }
    /// <summary>The uploaded workbook until the run ends (then cleared: it holds ID numbers).</summary>
    [PersonalData] public byte[]? File { get; set; }
    [PersonalData] public byte[]? RejectsWorkbook { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    /// <summary>Written with progress; a running job whose heartbeat stops (its instance died) is queued again.</summary>
    public DateTime? HeartbeatAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int Version { get; set; }

    public bool Finished => State is ImportJobState.Done or ImportJobState.Failed;
}
