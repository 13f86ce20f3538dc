using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace EksAccess.Core.Identity;

/// <summary>A rendered template, or the error that makes the authenticator refuse the caller.</summary>
public sealed record UsernameTemplateResult
{
    private UsernameTemplateResult(string? value, string? error, ImmutableArray<string> notes)
    {
        Value = value;
        Error = error;
        Notes = notes;
    }

    /// <summary>The rendered text; placeholders that cannot be known offline are left in it.</summary>
    public string? Value { get; }

    /// <summary>Why rendering failed (authentication fails with it); null on success.</summary>
    public string? Error { get; }

    /// <summary>What the rendered text depends on that a snapshot cannot know.</summary>
    public ImmutableArray<string> Notes { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static UsernameTemplateResult Success(string value, ImmutableArray<string> notes) => new(value, error: null, notes);

    public static UsernameTemplateResult Failure(string error) => new(value: null, error, []);
}
