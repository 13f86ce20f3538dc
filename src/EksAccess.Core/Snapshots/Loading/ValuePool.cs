using System.Collections.Immutable;
using EksAccess.Core.Authorization;

namespace EksAccess.Core.Snapshots.Loading;

/// <summary>
/// Shares equal values across one load: snapshots repeat the same verbs, groups, resources, rules and subjects
/// thousands of times, so each distinct value is kept once. Records compare their arrays by reference, which is
/// why arrays are shared first and then the records built from them.
/// </summary>
internal sealed class ValuePool
{
    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly ArrayPoolOf<string> _stringArrays = new();
    private readonly ArrayPoolOf<PolicyRule> _ruleArrays = new();
    private readonly ArrayPoolOf<Subject> _subjectArrays = new();
    private readonly Dictionary<PolicyRule, PolicyRule> _rules = [];
    private readonly Dictionary<Subject, Subject> _subjects = [];
    private readonly Dictionary<RoleRef, RoleRef> _roleRefs = [];

    public string String(string value)
    {
        if (_strings.TryGetValue(value, out var existing))
        {
            return existing;
        }

        _strings.Add(value);
        return value;
    }

    public ImmutableArray<string> Strings(ReadOnlySpan<string> values) => _stringArrays.Get(values);

    public ImmutableArray<PolicyRule> Rules(ReadOnlySpan<PolicyRule> values) => _ruleArrays.Get(values);

    public ImmutableArray<Subject> Subjects(ReadOnlySpan<Subject> values) => _subjectArrays.Get(values);

    public PolicyRule Rule(PolicyRule rule) => Share(_rules, rule);

    public Subject Subject(Subject subject) => Share(_subjects, subject);

    public RoleRef RoleRef(RoleRef roleRef) => Share(_roleRefs, roleRef);

    private static T Share<T>(Dictionary<T, T> pool, T value)
        where T : notnull
    {
        if (pool.TryGetValue(value, out var existing))
        {
            return existing;
        }

        pool.Add(value, value);
        return value;
    }
}
