namespace EksAccess.Core.Planning;

/// <summary>One change of the AWS half (of a plan or a revoke) and the call that makes it.</summary>
public sealed record AwsPlanStep(PlannedChange Change, AwsAction Action);
