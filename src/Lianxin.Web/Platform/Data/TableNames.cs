using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Web.Platform.Data;

/// <summary>
/// An entity's table and columns as the model names them, delimited for the provider, for the few hand-written statements
/// on hot paths (ADR 0066). Look them up once per model and cache what is built from them: the lookups cost more than the
/// statements they save.
/// </summary>
public sealed class TableNames
{
    readonly IEntityType type;
    readonly StoreObjectIdentifier table;
    readonly ISqlGenerationHelper sql;

    TableNames(LianxinDb db, Type entity)
    {
        type = db.Model.FindEntityType(entity)!;
        table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        sql = db.GetService<ISqlGenerationHelper>();
    }

    public static TableNames Of<TEntity>(LianxinDb db) => new(db, typeof(TEntity));

    public string Table => sql.DelimitIdentifier(table.Name, table.Schema);

    /// <summary>The delimited column of a property, and the property (for its type mapping).</summary>
    public (string Name, IProperty Property) Column(string property)
    {
        var p = type.FindProperty(property) ?? throw new ArgumentException($"{type.DisplayName()} has no property {property}.", nameof(property));
        return (sql.DelimitIdentifier(p.GetColumnName(table)!), p);
    }

    public (string Name, IProperty Property) Key => Column(type.FindPrimaryKey()!.Properties.Single().Name);

    /// <summary>Parameters for values of the properties' columns, made with their type mappings (and value converters).</summary>
    public static System.Data.Common.DbParameter[] Parameters(LianxinDb db, params ReadOnlySpan<(IProperty Property, string Name, object? Value)> values)
    {
        using var factory = db.Database.GetDbConnection().CreateCommand();
        var made = new System.Data.Common.DbParameter[values.Length];
        for (var i = 0; i < values.Length; i++) made[i] = values[i].Property.GetRelationalTypeMapping().CreateParameter(factory, values[i].Name, values[i].Value);
        return made;
    }
}
