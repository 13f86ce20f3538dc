using YamlDotNet.Core;

namespace EksAccess.Core.Text;

/// <summary>A YAML or JSON document nested deeper than <see cref="InputLimits.MaxDepth"/>.</summary>
public sealed class InputTooDeepException : YamlException
{
    public InputTooDeepException()
        : base(InputLimits.TooDeepMessage)
    {
    }

    public InputTooDeepException(string message)
        : base(message)
    {
    }

    public InputTooDeepException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public InputTooDeepException(Mark start, Mark end)
        : base(start, end, InputLimits.TooDeepMessage)
    {
    }
}
