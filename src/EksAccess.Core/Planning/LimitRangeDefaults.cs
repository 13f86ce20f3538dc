using System.Collections.Immutable;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Planning;

/// <summary>
/// The defaults the API server fills into a LimitRange item of type Container (core/v1 SetDefaults_LimitRangeItem):
/// a missing default limit takes the max; a missing default request takes the default limit, else the min.
/// </summary>
public static class LimitRangeDefaults
{
    public const string ContainerType = "Container";

    public static LimitRangeItem Apply(LimitRangeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!string.Equals(item.Type, ContainerType, StringComparison.Ordinal))
        {
            return item;
        }

        var limits = item.Default.ToBuilder();
        foreach (var (key, value) in item.Max)
        {
            limits.TryAdd(key, value);
        }

        var requests = item.DefaultRequest.ToBuilder();
        foreach (var (key, value) in limits)
        {
            requests.TryAdd(key, value);
        }

        foreach (var (key, value) in item.Min)
        {
            requests.TryAdd(key, value);
        }

        return item with { Default = limits.ToImmutable(), DefaultRequest = requests.ToImmutable() };
    }

    public static ImmutableArray<LimitRangeItem> Apply(ImmutableArray<LimitRangeItem> items) =>
        items.IsDefault ? [] : [.. items.Select(Apply)];
}
