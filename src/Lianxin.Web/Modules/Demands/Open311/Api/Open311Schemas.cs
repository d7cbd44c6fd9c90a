using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Modules.Demands.Open311.Api;

// The JSON shapes of the GeoReport v2 responses, for the OpenAPI document only (ADR 0032): Open311Result writes the bodies,
// these name them. Property names are the spec's own (snake_case), so the document shows exactly what goes on the wire.
#pragma warning disable IDE1006 // the spec's names
public sealed record Open311Error(int code, string description);
public sealed record Open311DiscoveryEndpoint(string specification, string url, string changeset, string type, List<string> formats);
public sealed record Open311Discovery(string changeset, string contact, string key_service, List<Open311DiscoveryEndpoint> endpoints);
public sealed record Open311ServiceItem(string service_code, string service_name, string description, bool metadata, string type, string keywords, string group);
public sealed record Open311AttributeValue(string key, string name);
public sealed record Open311Attribute(bool variable, string code, string datatype, bool required, string datatype_description, int order, string description,
    List<Open311AttributeValue> values);
public sealed record Open311ServiceDefinition(string service_code, List<Open311Attribute> attributes);
public sealed record Open311ServiceRequest(string service_request_id, string status, string? status_notes, string service_name, string service_code,
    string description, string? agency_responsible, string? service_notice, DateTimeOffset requested_datetime, DateTimeOffset updated_datetime,
    DateTimeOffset? expected_datetime, string? address, string? address_id, string? zipcode, double? lat, double? @long, string? media_url);
public sealed record Open311RequestCreated(string service_request_id, string? service_notice, string? account_id);
public sealed record Open311Token(string service_request_id, string token);
#pragma warning restore IDE1006

public static class Open311Docs
{
    static readonly string[] Formats = ["application/json", "text/xml"];

    /// <summary>The success body <typeparamref name="T"/> and the spec's error document for <paramref name="errors"/>, in JSON and XML.</summary>
    public static RouteHandlerBuilder Documents<T>(this RouteHandlerBuilder builder, params int[] errors)
    {
        builder.Produces<T>(StatusCodes.Status200OK, Formats[0], Formats[1..]);
        foreach (var status in errors.Append(StatusCodes.Status500InternalServerError))
            builder.Produces<List<Open311Error>>(status, Formats[0], Formats[1..]);
        return builder;
    }
}
