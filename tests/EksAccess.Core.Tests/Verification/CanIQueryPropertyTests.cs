using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using EksAccess.Core.Evaluation;

namespace EksAccess.Core.Tests.Verification;

public sealed class CanIQueryPropertyTests
{
    private static readonly Gen<string> Word = Gen.Elements("get", "list", "pods", "deployments.apps", "*", "web-0", "dev", "log", "apps", "secrets");

    public static Arbitrary<CanIQuery> Queries() =>
        (from verb in Word
         from resource in Word
         from name in Gen.OneOf(Gen.Constant(""), Word)
         from ns in Gen.OneOf(Gen.Constant(""), Word)
         from all in Gen.Elements(true, false)
         from sub in Gen.OneOf(Gen.Constant(""), Word)
         from apiGroup in Gen.OneOf(Gen.Constant<string?>(null), Gen.Constant<string?>(""), Word.Select(w => (string?)w))
         select new CanIQuery
         {
             Verb = verb,
             ResourceArg = resource,
             Name = name,
             Namespace = all ? "" : ns,
             AllNamespaces = all,
             Subresource = sub,
             ApiGroup = apiGroup,
         }).ToArbitrary();

    [Property(Arbitrary = [typeof(CanIQueryPropertyTests)])]
    public bool ToString_AnyQuery_ParsesBackToTheSameQuery(CanIQuery query)
    {
        return CanIQueryParser.TryParse(query.ToString(), out var parsed, out _) && parsed == query;
    }
}
