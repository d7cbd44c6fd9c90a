using System.Xml.Linq;
using Lianxin.Web.Platform.Data;
using Lianxin.Web.Platform.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Platform.Security;

/// <summary>
/// One Data Protection key (cookies, antiforgery, bearer tokens, signed links) as the key manager wrote it, encrypted
/// with the personal-data key (ADR 0038). Not a tenant row: every district's users share the instance's key ring,
/// as they share the process; it is infrastructure, like the migration history, and never audited.
/// </summary>
public class DataProtectionKeyRow
{
    public Guid Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    public static void Configure(ModelBuilder b) => b.Entity<DataProtectionKeyRow>(e =>
    {
        e.ToTable("sec_data_protection_keys");
        e.Property(x => x.FriendlyName).HasMaxLength(100);
        e.Property(x => x.Xml).HasMaxLength(8000);
    });
}

/// <summary>
/// The key ring in the database, so that every instance on one database reads the others' cookies (stateless web tier,
/// ADR 0038). The key manager calls this synchronously, rarely (start, new key, refresh every few minutes); a database
/// outage during a refresh keeps the ring it already has.
/// </summary>
public sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        return db.Set<DataProtectionKeyRow>().AsNoTracking().OrderBy(k => k.CreatedAt).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LianxinDb>();
        db.Set<DataProtectionKeyRow>().Add(new DataProtectionKeyRow
        {
            Id = Guid.CreateVersion7(), FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        db.SaveChanges();
    }
}

/// <summary>
/// Encrypts a key's XML at rest with the current personal-data key (AES-GCM). A key written under an older key version
/// stays readable while that version is configured; Data Protection replaces its keys every 90 days anyway.
/// </summary>
public sealed class PersonalDataXmlEncryptor(PersonalData pd) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement("encryptedKey", new XComment(" 以个人信息加密密钥加密 (Privacy:EncryptionKeys) "),
            new XElement("value", pd.EncryptExact(plaintextElement.ToString(SaveOptions.DisableFormatting)))), typeof(PersonalDataXmlDecryptor));
}

/// <summary>Created by the key manager from the type name stored with each key; takes the app's services.</summary>
public sealed class PersonalDataXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(services.GetRequiredService<PersonalData>().Decrypt((string?)encryptedElement.Element("value") ?? ""));
}

public static class DataProtectionSetup
{
    public static void AddLianxinDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Lianxin");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(o =>
        {
            o.XmlRepository = new DatabaseXmlRepository(sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>());
            o.XmlEncryptor = new PersonalDataXmlEncryptor(sp.GetRequiredService<PersonalData>());
        }));
    }
}
