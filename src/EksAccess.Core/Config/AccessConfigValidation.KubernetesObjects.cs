using EksAccess.Core.Text;
using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Diagnostics;

namespace EksAccess.Core.Config;

internal sealed partial class AccessConfigValidation
{
    private void CheckNamespaces()
    {
        var namespaces = _config.Namespaces;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < namespaces.Length; i++)
        {
            var ns = namespaces[i];
            var path = $"namespaces[{i}]";
            var at = Locate(path, Fallback(ns.Location));
            var nameAt = Locate(path + ".name", at);
            if (!ConfigNames.IsDnsLabel(ns.Name))
            {
                Report(nameAt, $"namespace name '{ns.Name}' is not a valid DNS-1123 label", "use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
            }

            CheckDuplicate(first, ns.Name, nameAt, "namespace");
            _namespaces.Add(ns.Name);
            CheckLabels(ns.Labels, path, at);
            if (ns.Quota is { } quota)
            {
                var quotaAt = Locate(path + ".quota", at);
                CheckObjectName(quota.Name, Locate(path + ".quota.name", quotaAt), "ResourceQuota");
                foreach (var (resource, value) in quota.Hard)
                {
                    CheckQuantity(value, Locate($"{path}.quota.hard.{resource}", quotaAt), $"quota '{resource}'");
                }
            }

            if (ns.LimitRange is { } limitRange)
            {
                var limitAt = Locate(path + ".limitRange", at);
                CheckObjectName(limitRange.Name, Locate(path + ".limitRange.name", limitAt), "LimitRange");
                for (var j = 0; j < limitRange.Limits.Length; j++)
                {
                    var limit = limitRange.Limits[j];
                    var itemPath = $"{path}.limitRange.limits[{j}]";
                    var itemAt = Locate(itemPath, limitAt);
                    if (!LimitTypes.Contains(limit.Type, StringComparer.Ordinal))
                    {
                        Report(Locate(itemPath + ".type", itemAt), $"unknown LimitRange type '{limit.Type}'", Hint(limit.Type, LimitTypes, "use one of"));
                    }

                    foreach (var (section, values) in new[] { ("default", limit.Default), ("defaultRequest", limit.DefaultRequest), ("max", limit.Max), ("min", limit.Min) })
                    {
                        foreach (var (resource, value) in values)
                        {
                            CheckQuantity(value, Locate($"{itemPath}.{section}.{resource}", itemAt), $"{section} '{resource}'");
                        }
                    }
                }
            }
        }
    }

    private void CheckObjectName(string? name, SourceLocation at, string kind)
    {
        if (name is not null && !ConfigNames.IsDnsSubdomain(name))
        {
            Report(at, $"{kind} name '{name}' is not a valid Kubernetes object name", "use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit");
        }
    }

    private void CheckQuantity(string value, SourceLocation at, string what)
    {
        if (!ConfigNames.IsQuantity(value))
        {
            Report(at, $"{what} value {Echo.Quote(value)} is not a Kubernetes quantity", "write a number with an optional suffix, e.g. \"500m\", \"2\", \"8Gi\"");
        }
    }

    private void CheckLabels(ImmutableSortedDictionary<string, string> labels, string ownerPath, SourceLocation ownerAt)
    {
        var at = Locate(ownerPath + ".labels", ownerAt);
        foreach (var (key, value) in labels)
        {
            var labelAt = Locate($"{ownerPath}.labels.{key}", at);
            if (!ConfigNames.IsLabelKey(key))
            {
                Report(labelAt, $"label key '{key}' is invalid", "use [prefix/]name where name has at most 63 letters, digits, '-', '_' and '.', starting and ending alphanumeric");
            }
            else if (!ConfigNames.IsLabelValue(value))
            {
                Report(labelAt, $"label value {Echo.Quote(value)} of '{key}' is invalid", "use at most 63 letters, digits, '-', '_' and '.', starting and ending alphanumeric (or empty)");
            }
        }
    }

    private void CheckRoleTemplates()
    {
        var templates = _config.Roles;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < templates.Length; i++)
        {
            var template = templates[i];
            var path = $"roles[{i}]";
            var at = Locate(path, Fallback(template.Location));
            var nameAt = Locate(path + ".name", at);
            CheckRbacName(template.Name, nameAt, "Role");
            CheckDuplicate(first, template.Name, nameAt, "Role");
            _roleTemplates.Add(template.Name);
            CheckRules(template.Rules, path, at, isClusterRole: false);
        }
    }

    private void CheckLogging(ClusterConfig cluster, SourceLocation at)
    {
        var types = cluster.ControlPlaneLogging ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < types.Length; i++)
        {
            var where = Locate($"cluster.logging[{i}]", at);
            if (!ClusterConfig.LogTypes.Contains(types[i], StringComparer.Ordinal))
            {
                Report(where, $"unknown control-plane log type '{types[i]}'", Join(Spelling.DidYouMean(types[i], ClusterConfig.LogTypes), "use api, audit, authenticator, controllerManager or scheduler"));
            }
            else if (!seen.Add(types[i]))
            {
                Report(where, $"control-plane log type '{types[i]}' is listed twice", "list each log type once");
            }
        }
    }

    private void CheckClusterRoles()
    {
        var clusterRoles = _config.ClusterRoles;
        var first = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        for (var i = 0; i < clusterRoles.Length; i++)
        {
            var clusterRole = clusterRoles[i];
            var path = $"clusterRoles[{i}]";
            var at = Locate(path, Fallback(clusterRole.Location));
            var nameAt = Locate(path + ".name", at);
            CheckRbacName(clusterRole.Name, nameAt, "ClusterRole");
            if (IsBuiltInClusterRole(clusterRole.Name))
            {
                Report(nameAt, $"ClusterRole '{clusterRole.Name}' would replace a Kubernetes built-in ClusterRole", "choose another name; bind the built-in one without defining it");
            }

            CheckDuplicate(first, clusterRole.Name, nameAt, "ClusterRole");
            if (_roleTemplates.Contains(clusterRole.Name))
            {
                Report(nameAt, $"'{clusterRole.Name}' names both a Role template and a ClusterRole, so a team grant of it is ambiguous", "rename one of them");
            }

            _clusterRoles.Add(clusterRole.Name);
            CheckLabels(clusterRole.Labels, path, at);
            CheckRules(clusterRole.Rules, path, at, isClusterRole: true);
        }
    }

    private void CheckRbacName(string name, SourceLocation at, string kind)
    {
        if (!ConfigNames.IsRbacName(name))
        {
            Report(at, $"{kind} name '{name}' is invalid", "use 1 to 253 characters without '/' or '%' (and not '.' or '..')");
        }
    }

    private void CheckRules(ImmutableArray<PolicyRule> rules, string ownerPath, SourceLocation ownerAt, bool isClusterRole)
    {
        for (var i = 0; i < rules.Length; i++)
        {
            var rule = rules[i];
            var at = Locate($"{ownerPath}.rules[{i}]", ownerAt);
            if (rule.Verbs.IsEmpty)
            {
                Report(at, "the rule has no verbs", "add verbs, e.g. verbs: [get, list, watch] (or [\"*\"])");
            }

            var hasResources = !rule.ApiGroups.IsEmpty || !rule.Resources.IsEmpty || !rule.ResourceNames.IsEmpty;
            var hasUrls = !rule.NonResourceUrls.IsEmpty;
            if (hasUrls && !isClusterRole)
            {
                Report(at, "a Role cannot grant nonResourceURLs: they are not namespaced", "move this rule to a clusterRoles: entry and bind it with the team's clusterRoles");
            }
            else if (hasUrls && hasResources)
            {
                Report(at, "the rule mixes resources and nonResourceURLs", "split it into one rule with apiGroups/resources and one with nonResourceURLs");
            }
            else if (!hasUrls && !hasResources)
            {
                Report(at, "the rule names no resources", isClusterRole ? "add apiGroups and resources, or nonResourceURLs" : "add apiGroups and resources, e.g. apiGroups: [\"\"] and resources: [pods]");
            }
            else if (hasResources && rule.Resources.IsEmpty)
            {
                Report(at, "the rule has no resources", "add resources, e.g. resources: [pods] (or [\"*\"])");
            }
            else if (hasResources && rule.ApiGroups.IsEmpty)
            {
                Report(at, "the rule has resources but no apiGroups", "add apiGroups: [\"\"] for the core group (pods, services, …), or the resources' group such as apps");
            }

            for (var j = 0; j < rule.NonResourceUrls.Length; j++)
            {
                var url = rule.NonResourceUrls[j];
                var star = url.IndexOf('*', StringComparison.Ordinal);
                if (!(url.StartsWith('/') || string.Equals(url, "*", StringComparison.Ordinal)) || (star >= 0 && star != url.Length - 1))
                {
                    Report(Locate($"{ownerPath}.rules[{i}].nonResourceURLs[{j}]", at), $"nonResourceURL '{url}' is invalid", "start it with '/'; a '*' may only end it, e.g. /healthz or /metrics/*");
                }
            }
        }
    }

}
