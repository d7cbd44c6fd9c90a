using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Lianxin.Web.Platform.Security;

/// <summary>
/// Every &lt;script&gt; a page renders carries this request's CSP nonce, so inline scripts run under
/// <c>script-src 'nonce-…'</c> without each page saying so. Inline event handlers (onclick=…) stay blocked: use site.js.
/// </summary>
[HtmlTargetElement("script")]
public sealed class ScriptNonceTagHelper(CspNonce nonce) : TagHelper
{
    // After the framework's script tag helper (asp-append-version), which may rewrite the element.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output) => output.Attributes.SetAttribute("nonce", nonce.Value);
}
