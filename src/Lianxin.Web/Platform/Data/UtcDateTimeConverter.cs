using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lianxin.Web.Platform.Data;

/// <summary>All times are stored UTC; SQLite forgets the kind, so it is put back on read.</summary>
public class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
