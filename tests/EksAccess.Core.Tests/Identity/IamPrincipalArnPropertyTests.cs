using EksAccess.Core.Identity;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using EksAccess.Core.Authentication;

namespace EksAccess.Core.Tests.Identity;

public sealed class IamPrincipalArnPropertyTests
{
    private static readonly char[] NameCharacters = "abcXYZ019_+=,.@-".ToCharArray();

    private static Gen<string> Name(int minLength) =>
        Gen.Choose(minLength, 12).SelectMany(length => Gen.ArrayOf(Gen.Elements(NameCharacters), length)).Select(chars => new string(chars));

    private static Arbitrary<(string Partition, string Path, string Name, string Session)> Roles() =>
        (from partition in Gen.Elements(AwsPartitions.All.ToArray())
         from depth in Gen.Choose(0, 3)
         from segments in Gen.ArrayOf(Name(1), depth)
         from name in Name(1)
         from session in Name(2)
         select (partition, segments.Length == 0 ? "/" : "/" + string.Join('/', segments) + "/", name, session)).ToArbitrary();

    [Property]
    public Property Canonicalize_SessionOfAnyRole_IsTheRoleWithoutPathAndIdempotent() =>
        Prop.ForAll(Roles(), role =>
        {
            var arn = IamPrincipalArn.Parse($"arn:{role.Partition}:iam::111122223333:role{role.Path}{role.Name}");
            var session = arn.ToAssumedRoleSession(role.Session);
            var canonical = session.Canonicalize();

            return string.Equals(canonical.Value, $"arn:{role.Partition}:iam::111122223333:role/{role.Name}", StringComparison.Ordinal)
                && canonical.Canonicalize() == canonical
                && arn.WithoutPath() == canonical
                && string.Equals(arn.Path, role.Path, StringComparison.Ordinal)
                && string.Equals(session.SessionName, role.Session, StringComparison.Ordinal);
        });

    [Property]
    public Property Resolve_AnySessionOfAPathedEntryRole_MatchesTheEntry() =>
        Prop.ForAll(Roles(), role =>
        {
            var entryArn = $"arn:{role.Partition}:iam::111122223333:role{role.Path}{role.Name}";
            var resolver = IdentitySnapshots.Resolver(AuthenticationMode.Api, awsAuthFile: null, IdentitySnapshots.Entry(entryArn, groups: ["g"]));

            var resolution = resolver.Resolve($"arn:{role.Partition}:sts::111122223333:assumed-role/{role.Name}/{role.Session}");

            return resolution is IdentityResolution.Mapped mapped
                && string.Equals(mapped.Username, $"arn:{role.Partition}:sts::111122223333:assumed-role/{role.Name}/{role.Session.Replace('@', '-')}", StringComparison.Ordinal);
        });
}
