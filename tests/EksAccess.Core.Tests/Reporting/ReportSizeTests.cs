using System.Collections.Immutable;
using EksAccess.Core.Authorization;
using EksAccess.Core.Evaluation;
using EksAccess.Core.Identity;
using EksAccess.Core.Reporting;
using EksAccess.Core.Risks;
using EksAccess.Core.Snapshots;

namespace EksAccess.Core.Tests.Reporting;

/// <summary>The report at the scale: 1,000 principals × 100 namespaces, risks included, stays ≤ 5 MB and keeps every row.</summary>
public sealed class ReportSizeTests
{
    [Fact]
    public void Report_1000PrincipalsBy100Namespaces_IsUnder5MB_AndDropsNothing()
    {
        var namespaces = Enumerable.Range(0, 100).Select(n => $"ns-{n:D3}").ToList();
        var snapshot = new ClusterSnapshot
        {
            Cluster = new ClusterInfo("big", "arn:aws:eks:us-east-1:111122223333:cluster/big", AuthenticationMode.Api),
            Namespaces = [.. namespaces.Select(n => new NamespaceObject(n, ImmutableDictionary<string, string>.Empty))],
            AccessEntries =
            [
                .. Enumerable.Range(0, 1000).Select(i => new AccessEntry(
                    $"arn:aws:iam::111122223333:role/dev-{i:D4}", AccessEntry.StandardType, $"dev-{i:D4}", [$"team-{i % 20}"],
                    i % 50 == 0 ? [new AssociatedAccessPolicy("arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy", new AccessScope(AccessScope.NamespaceType, [namespaces[i % 100]]))] : [])),
            ],
            RoleBindings =
            [
                .. Enumerable.Range(0, 20).SelectMany(t => Enumerable.Range(0, 10).Select(k => new RoleBinding(
                    namespaces[(t * 5 + k) % 100], $"team-{t}-edit", new RoleRef(RoleRef.ClusterRoleKind, k % 2 == 0 ? "edit" : "view"), [new Subject(Subject.GroupKind, $"team-{t}")]))),
            ],
        };
        var model = AccessModel.Build(snapshot);

        var report = AccessReportBuilder.Build(model, "big", RiskAnalyzer.Analyze(model, RiskOptions.Default), auditRequests: null);
        using var writer = new StringWriter();
        HtmlReportRenderer.Render(report, writer);
        var html = writer.ToString();

        report.Principals.Length.ShouldBe(1000);
        report.Namespaces.Length.ShouldBe(102); // the snapshot's 100, plus default and kube-system
        report.Risks!.Findings.Length.ShouldBeGreaterThan(100);
        System.Text.Encoding.UTF8.GetByteCount(html).ShouldBeLessThanOrEqualTo(5 * 1024 * 1024);
        html.ShouldContain("arn:aws:iam::111122223333:role/dev-0999");
    }

    [Fact]
    public void Report_DataBlock_CannotBeClosedByAName()
    {
        var snapshot = new ClusterSnapshot
        {
            AccessEntries = [new AccessEntry("arn:aws:iam::111122223333:role/x", AccessEntry.StandardType, "</script><script>alert(1)</script>", [], [])],
        };
        var model = AccessModel.Build(snapshot);
        using var writer = new StringWriter();

        HtmlReportRenderer.Render(AccessReportBuilder.Build(model, "t", risks: null, auditRequests: null), writer);

        writer.ToString().ShouldNotContain("</script><script>alert(1)");
    }
}
