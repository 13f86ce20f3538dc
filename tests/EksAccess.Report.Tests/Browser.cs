using Microsoft.Playwright;

namespace EksAccess.Report.Tests;

/// <summary>
/// Debian's Chromium driven by Playwright's bundled driver (never <c>playwright install</c>: the tests use
/// /usr/bin/chromium, which .ci/run installs). Each test gets a fresh profile directory; the flags keep Chromium off
/// the network (docs: TESTING "Chromium + Playwright"). A missing Chromium fails the test with what to install.
/// </summary>
internal sealed class Browser : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;
    private readonly IBrowserContext _context;
    private readonly string _profile;

    private Browser(IPlaywright playwright, IBrowserContext context, string profile)
    {
        _playwright = playwright;
        _context = context;
        _profile = profile;
    }

    public static async Task<Browser> StartAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"{ExecutablePath} not found: install Debian's Chromium (apt-get install -y chromium); .ci/run does");
        }

        var profile = Directory.CreateTempSubdirectory("eksaccess-chromium-").FullName;
        var playwright = await Playwright.CreateAsync();
        var context = await playwright.Chromium.LaunchPersistentContextAsync(profile, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        return new Browser(playwright, context, profile);
    }

    public async Task<(IPage Page, List<string> Errors)> OpenAsync(string path)
    {
        var page = await _context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (string.Equals(message.Type, "error", StringComparison.Ordinal))
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url}");
        await page.GotoAsync(new Uri(path).AbsoluteUri);
        return (page, errors);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        _playwright.Dispose();
        Directory.Delete(_profile, recursive: true);
    }
}
