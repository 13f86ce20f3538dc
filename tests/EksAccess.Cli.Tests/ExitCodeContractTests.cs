namespace EksAccess.Cli.Tests;

public sealed class ExitCodeContractTests
{
    [Fact]
    public async Task Run_UnknownOption_ExitsInvalidInputWithOneErrorLine()
    {
        var result = await CliRunner.RunAsync("--no-such-flag");

        result.ExitCode.ShouldBe(3);
        result.Stderr.ShouldStartWith("error: ");
        result.Stdout.ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_Version_PrintsVersionAndSucceeds()
    {
        var result = await CliRunner.RunAsync("--version");

        result.ExitCode.ShouldBe(0);
        result.Stdout.ShouldStartWith("0.");
    }
}
