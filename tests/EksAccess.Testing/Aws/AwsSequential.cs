namespace EksAccess.Testing.Aws;

/// <summary>Test classes that share moto and the fake run one at a time, so a per-class reset never disturbs another.</summary>
[CollectionDefinition(Name)]
public sealed class AwsSequential
{
    public const string Name = "Aws";
}
