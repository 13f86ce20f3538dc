// One moto server and AWS fake per test assembly (tests/EksAccess.Testing/Aws/AwsTestServers.cs).
[assembly: AssemblyFixture(typeof(EksAccess.Testing.Aws.AwsTestServers))]
