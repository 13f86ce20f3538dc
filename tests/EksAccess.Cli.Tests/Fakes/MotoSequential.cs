namespace EksAccess.Cli.Tests.Fakes;

/// <summary>CLI tests that share <see cref="MotoServer"/> (and the process's AWS environment it sets) run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class MotoSequential : ICollectionFixture<MotoServer>
{
    public const string Name = "Moto";
}
