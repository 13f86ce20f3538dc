using Microsoft.Playwright;

namespace EksAccess.Report.Tests;

/// <summary>Seed 000's report in a real Chromium: it loads cleanly, the heat map and explanations are right, search works.</summary>
public sealed class ReportInBrowserTests : IAsyncLifetime
{
    private const string DevJohn = "arn:aws:iam::111122223333:user/dev-john";
    private readonly string _directory = Directory.CreateTempSubdirectory("eksaccess-report-").FullName;
    private Browser? _browser;
    private IPage _page = null!;
    private List<string> _errors = [];

    public async ValueTask InitializeAsync()
    {
        _browser = await Browser.StartAsync();
        (_page, _errors) = await _browser.OpenAsync(SeedReport.Write("000-developer-access", _directory));
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Seed000_Opens_WithNoConsoleErrors_AndAScreenshotIsKept()
    {
        await _page.Locator("#heat button[data-p]").First.WaitForAsync();

        _errors.ShouldBeEmpty();
        // Kept with the run's results (scripts/test collects TestResults/ at the repository root).
        var artifacts = Path.Combine(TestFiles.RepositoryRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(artifacts);
        var shot = Path.Combine(artifacts, "report-000-first-screen.png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
        new FileInfo(shot).Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public async Task HeatMap_ShowsDevJohnAllowedInDevApps_AndDeniedInKubeSystem()
    {
        var devApps = _page.Locator($"#heat button[data-arn='{DevJohn}'][data-ns='dev-apps']");
        var kubeSystem = _page.Locator($"#heat button[data-arn='{DevJohn}'][data-ns='kube-system']");

        int.Parse(await devApps.GetAttributeAsync("data-allowed") ?? "", System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await kubeSystem.GetAttributeAsync("data-allowed")).ShouldBe("0");
        (await kubeSystem.TextContentAsync()).ShouldBe("0/20");
    }

    [Fact]
    public async Task ClickingACell_ShowsTheDecisionsAndTheirExplanation()
    {
        await _page.Locator($"#heat button[data-arn='{DevJohn}'][data-ns='dev-apps']").ClickAsync();

        var explain = _page.Locator("#explain");
        (await explain.Locator("h3").TextContentAsync()).ShouldBe("dev-john in namespace dev-apps");
        var createPods = explain.Locator("tr", new LocatorLocatorOptions { HasText = "create pods" }).First;
        (await createPods.TextContentAsync() ?? "").ShouldContain("allowed");
        (await createPods.TextContentAsync() ?? "").ShouldContain("dev-apps");
        var deleteNamespace = explain.Locator("tr", new LocatorLocatorOptions { HasText = "delete namespaces" });
        (await deleteNamespace.TextContentAsync() ?? "").ShouldContain("denied");
        (await deleteNamespace.TextContentAsync() ?? "").ShouldContain("no RBAC binding or access policy allows it");
    }

    [Fact]
    public async Task Search_FindsAPrincipal_AndOpensItsPage()
    {
        await _page.Locator("#search").FillAsync("developerrole");

        var hits = _page.Locator("#search-results a");
        (await hits.CountAsync()).ShouldBe(1);
        (await hits.First.TextContentAsync() ?? "").ShouldContain("arn:aws:iam::111122223333:role/EKSDeveloperRole");
        await hits.First.ClickAsync();
        var page = _page.Locator("#principal");
        await page.Locator("h2").WaitForAsync();
        (await page.IsVisibleAsync()).ShouldBeTrue();
        (await page.Locator("ol.chain").First.TextContentAsync() ?? "").ShouldContain("username \"developer\"");
    }

    [Fact]
    public async Task Accessibility_TablesHaveHeaders_InputsHaveLabels_CellsHaveNames()
    {
        var snapshot = await _page.Locator("body").AriaSnapshotAsync();

        snapshot.ShouldContain("columnheader \"principal\"");
        snapshot.ShouldContain("rowheader \"dev-john\"");
        snapshot.ShouldContain("searchbox \"Search principals\"");
        snapshot.ShouldContain("combobox \"Severity at least\"");
        snapshot.ShouldContain("button \"dev-john in kube-system: 0 of 20 actions allowed\"");
        snapshot.ShouldContain("table \"Findings, most severe first\"");
    }

    [Fact]
    public async Task Accessibility_TextContrast_IsAtLeastWcagAA()
    {
        // WCAG 2.x contrast of each cell's text on its background, computed in the page from the rendered colours.
        var worst = await _page.EvaluateAsync<double>("""
            () => {
              const lum = c => { const [r, g, b] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4)); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
              let worst = 21;
              document.querySelectorAll('#heat button, #risk-table td, th, label').forEach(e => {
                let bg = 'rgb(255, 255, 255)';
                for (let n = e; n; n = n.parentElement) { const c = getComputedStyle(n).backgroundColor; if (c && !c.startsWith('rgba(0, 0, 0, 0)')) { bg = c; break; } }
                const a = lum(getComputedStyle(e).color), b = lum(bg);
                worst = Math.min(worst, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
              });
              return worst;
            }
            """);

        worst.ShouldBeGreaterThanOrEqualTo(4.5);
    }
}
