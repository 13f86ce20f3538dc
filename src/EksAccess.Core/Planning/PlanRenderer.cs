using System.Text;

namespace EksAccess.Core.Planning;

/// <summary>Writes a plan the way terraform does: one "+ ~ -" line per change with its API call, details indented, then a summary.</summary>
public static class PlanRenderer
{
    public static string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        foreach (var warning in plan.Warnings)
        {
            text.Append("warning: ").AppendLine(warning);
        }

        if (!plan.HasChanges)
        {
            text.AppendLine("No changes. The cluster and account match the access config.");
            return text.ToString();
        }

        foreach (var change in plan.Changes)
        {
            var symbol = change.Kind switch
            {
                ChangeKind.Create => "+",
                ChangeKind.Update => "~",
                _ => "-",
            };
            var verb = change.Kind.ToString().ToLowerInvariant();
            text.Append(symbol).Append(' ').Append(verb).Append(' ').Append(change.Target).Append(' ')
                .Append(change.ResourceType).Append(' ').Append(change.Id).Append("  (").Append(change.ApiCall).Append(')');
            if (change.ExpiredAt is { } expired)
            {
                // The same instant the expiry tags record, shortened to the minute as access.yaml usually writes it.
                text.Append(" (expired ").Append(Text.Rfc3339.Short(expired)).Append(')');
            }

            text.AppendLine();
            foreach (var detail in change.Details)
            {
                text.Append("    ").AppendLine(detail);
            }

            if (change.Refusal is not null)
            {
                text.Append("    REFUSED: ").AppendLine(change.Refusal);
            }
        }

        var creates = plan.Changes.Count(c => c.Kind == ChangeKind.Create);
        var updates = plan.Changes.Count(c => c.Kind == ChangeKind.Update);
        var deletes = plan.Changes.Count(c => c.Kind == ChangeKind.Delete);
        text.Append("Plan: ").Append(creates).Append(" to create, ").Append(updates).Append(" to update, ").Append(deletes).Append(" to delete");
        var refused = plan.Changes.Count(c => c.IsRefused);
        text.AppendLine(refused == 0 ? "." : $"; {refused} refused.");
        return text.ToString();
    }
}
