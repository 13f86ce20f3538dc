namespace EksAccess.Core.Planning;

/// <summary>
/// The phases of the AWS half, as <see cref="PlannedChange.Order"/>. Changes of one phase are independent of each
/// other (the AWS target runs them concurrently, within a bound); a phase starts when the one before it is done.
/// </summary>
public static class AwsPlanOrder
{
    public const int IamCreate = 100;
    public const int IamUpdate = 110;
    public const int IamPolicies = 120;
    public const int IamMemberships = 130;
    public const int IamAccessKeys = 140;
    public const int AuthenticationMode = 200;
    public const int AccessEntries = 300;
    public const int AccessPolicies = 400;

    /// <summary>The last step to API: after the access entries and policies exist, so an admin entry is in place.</summary>
    public const int AuthenticationModeApi = 450;

    /// <summary>Control-plane logging: its own phase, since EKS runs one cluster update at a time.</summary>
    public const int Logging = 460;

    public const int Disassociate = 500;
    public const int DeleteAccessEntries = 510;
    public const int RemoveMemberships = 520;
    public const int DeleteIamPolicies = 530;
    public const int DeleteIamUsersAndRoles = 540;
}
