using System.Text.Json;
using Lianxin.Tests.Support;
using Lianxin.Web.Platform.OpenApi;

namespace Lianxin.Tests.OpenApi;

/// <summary>
/// The OpenAPI document is a contract a client is generated from (ADR 0032): the linter passes it, every operation says who may
/// call it and what it answers, and a generated TypeScript client compiles.
/// </summary>
[Collection(AppCollection.Name)]
public class OpenApiContractTests(LianxinApp app)
{
    /// <summary>Warnings we keep, each explained in ADR 0032; any other warning fails.</summary>
    static readonly string[] KeptWarnings = ["info-license", "no-ambiguous-paths"];

    static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    async Task<string> SaveDocumentAsync(string dir)
    {
        var path = Path.Combine(dir, "openapi.json");
        await File.WriteAllTextAsync(path, await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        return path;
    }

    /// <summary>A folder for the tools' files, removed when the test ends (runs would otherwise leave one in /tmp each).</summary>
    sealed class TempDir : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("lianxin-openapi-").FullName;
        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    [Fact]
    public async Task Redocly_lint_with_the_recommended_rules_finds_no_errors()
    {
        using var temp = new TempDir();
        var dir = temp.Path;
        var doc = await SaveDocumentAsync(dir);
        var (_, output) = await NodeTools.RunAsync("@redocly/cli/bin/cli.js", dir, "lint", doc, "--format=json", "--max-problems=100000");
        using var report = JsonDocument.Parse(output[output.IndexOf('{')..(output.LastIndexOf('}') + 1)]);
        var problems = report.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => (Severity: p.GetProperty("severity").GetString(), Rule: p.GetProperty("ruleId").GetString(), Message: p.GetProperty("message").GetString(),
                Where: p.GetProperty("location")[0].GetProperty("pointer").GetString()))
            .Where(p => p.Severity == "error" || !KeptWarnings.Contains(p.Rule))
            .Select(p => $"{p.Severity} {p.Rule}: {p.Message} at {p.Where}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
    }

    [Fact]
    public async Task Every_operation_is_named_described_secured_and_answers_typed_errors()
    {
        using var doc = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/openapi/v1.json"));
        var root = doc.RootElement;
        var tags = root.GetProperty("tags").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!,
            t => t.TryGetProperty("description", out var d) ? d.GetString() : null);
        var ids = new HashSet<string>();
        var faults = new List<string>();
        foreach (var path in root.GetProperty("paths").EnumerateObject())
            foreach (var op in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var where = $"{op.Name.ToUpperInvariant()} {path.Name}";
                var o = op.Value;
                if (!o.TryGetProperty("operationId", out var id) || !ids.Add(id.GetString()!)) faults.Add($"{where}: no or duplicate operationId");
                if (!o.TryGetProperty("summary", out var summary)) faults.Add($"{where}: no summary");
                else if (Methods.Any(m => summary.GetString()!.StartsWith(m.ToUpperInvariant() + " /", StringComparison.Ordinal))) faults.Add($"{where}: the summary repeats the route instead of saying what it does");
                foreach (var tag in o.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!))
                    if (!ApiTags.Descriptions.ContainsKey(tag) || tags.GetValueOrDefault(tag) is null) faults.Add($"{where}: tag \"{tag}\" has no line in ApiTags");
                var responses = o.GetProperty("responses");
                if (!responses.EnumerateObject().Any(r => r.Name.StartsWith('2'))) faults.Add($"{where}: no success response");
                foreach (var r in responses.EnumerateObject())
                {
                    if (r.Name is "204" or "202" or "304" && !r.Value.TryGetProperty("content", out _)) continue; // no body by definition (304: the client keeps its copy)
                    if (!r.Value.TryGetProperty("content", out var content) || !content.EnumerateObject().All(m => m.Value.TryGetProperty("schema", out _)))
                        faults.Add($"{where}: response {r.Name} has no typed body");
                }
                if (!responses.TryGetProperty("400", out _)) faults.Add($"{where}: no 400 for malformed input");
                if (o.TryGetProperty("requestBody", out _) && !path.Name.StartsWith("/open311/", StringComparison.Ordinal) && !responses.TryGetProperty("415", out _))
                    faults.Add($"{where}: accepts a body but does not say it refuses other media types (415)");
                var secured = o.TryGetProperty("security", out var security) && security.EnumerateArray().Any(s => s.EnumerateObject().Any());
                if (!o.TryGetProperty("security", out _)) faults.Add($"{where}: says neither secured nor anonymous");
                if (secured && !(responses.TryGetProperty("401", out _) && responses.TryGetProperty("403", out _))) faults.Add($"{where}: secured without 401 and 403");
                if (!path.Name.StartsWith("/open311/", StringComparison.Ordinal) && responses.TryGetProperty("400", out var bad)
                    && !bad.GetProperty("content").TryGetProperty("application/problem+json", out _))
                    faults.Add($"{where}: 400 is not a ProblemDetails");
            }
        Assert.True(faults.Count == 0, string.Join("\n", faults.Take(40)));
        Assert.True(ids.Count > 300, $"only {ids.Count} operations: is the document complete?");
    }

    [Fact]
    public async Task Numbers_are_numbers_not_number_or_string()
    {
        var text = await app.CreateClient().GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain("\"pattern\": \"^-?(?:0|[1-9]\\\\d*)$\"", text);
        using var doc = JsonDocument.Parse(text);
        var unions = new List<string>();
        void Walk(JsonElement e, string at)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                if (e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.Array)
                {
                    var types = t.EnumerateArray().Select(x => x.GetString()).ToList();
                    if (types.Contains("string") && (types.Contains("integer") || types.Contains("number"))) unions.Add(at);
                }
                foreach (var p in e.EnumerateObject()) Walk(p.Value, at + "/" + p.Name);
            }
            else if (e.ValueKind == JsonValueKind.Array)
                foreach (var item in e.EnumerateArray()) Walk(item, at);
        }
        Walk(doc.RootElement, "");
        Assert.True(unions.Count == 0, string.Join("\n", unions.Take(20)));
    }

    [Fact]
    public async Task A_TypeScript_client_generated_from_the_document_compiles()
    {
        using var temp = new TempDir();
        var dir = temp.Path;
        var doc = await SaveDocumentAsync(dir);
        var (generated, genOutput) = await NodeTools.RunAsync("openapi-typescript/bin/cli.js", dir, doc, "--output", "schema.d.ts");
        Assert.True(generated == 0, genOutput);
        // A client's use of the types: the token, a member, a problem; a number field must take a number and give one.
        await File.WriteAllTextAsync(Path.Combine(dir, "client.ts"), """
            import type { paths, components, operations } from "./schema";

            type Json<T> = T extends { content: { "application/json": infer B } } ? B : never;
            type Token = Json<paths["/api/v1/auth/token"]["post"]["responses"][200]>;
            type Problem = components["schemas"]["ProblemDetails"];
            type Me = Json<operations["getAuthMe"]["responses"][200]>;

            export async function signIn(base: string, userName: string, password: string): Promise<Token> {
              const body: operations["postAuthToken"]["requestBody"] = { content: { "application/json": { userName, password } } };
              const res = await fetch(`${base}/api/v1/auth/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body.content["application/json"]) });
              if (!res.ok) { const p: Problem = await res.json(); throw new Error(p.title ?? String(res.status)); }
              const token: Token = await res.json();
              const seconds: number = token.expiresIn;
              return { ...token, expiresIn: seconds };
            }

            export function grantsOf(me: Me): string[] {
              return (me.grants ?? []).map(g => g.roleName ?? "");
            }
            """);
        var (compiled, tscOutput) = await NodeTools.RunAsync("typescript/bin/tsc", dir,
            "--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "--lib", "es2022,dom", "schema.d.ts", "client.ts");
        Assert.True(compiled == 0, tscOutput);
    }

    [Theory]
    [InlineData("POST", "api/v1/members/{id:guid}/transfers", "postMembersByIdTransfers")]
    [InlineData("GET", "api/v1/members/import/{jobId:guid}/rejects.xlsx", "getMembersImportByJobIdRejectsXlsx")]
    [InlineData("GET", "open311/v2/requests/{id}.{format}", "getOpen311V2RequestsByIdByFormat")]
    [InlineData("DELETE", "api/v1/members/{id}/account", "deleteMembersByIdAccount")]
    [InlineData("GET", "api/v1/public/demands/{ticket?}", "getPublicDemandsByTicket")]
    [InlineData("GET", "api/v1/dual-reports/report-back.xlsx", "getDualReportsReportBackXlsx")]
    public void Operation_ids_come_from_the_method_and_the_route(string method, string route, string id) =>
        Assert.Equal(id, OperationNames.Id(method, route));

    [Theory]
    [InlineData("GET", "api/v1/members/{id:guid}", "Members", "党员管理：查看一条记录")]
    [InlineData("DELETE", "api/v1/members/{id}/account", "Members", "党员管理：删除")]
    [InlineData("POST", "api/v1/things", null, "接口：提交")]
    public void A_summary_left_out_says_the_area_and_what_the_method_does(string method, string route, string? tag, string summary) =>
        Assert.Equal(summary, OperationNames.Summary(method, route, tag));
}
