using EksAccess.Core.Planning;

namespace EksAccess.Cli.Planning;

/// <summary>One change of the AWS half and the call that makes it.</summary>
internal sealed record AwsPlanStep(PlannedChange Change, AwsAction Action);
