using System.Globalization;

namespace EksAccess.Core.Planning;

/// <summary>
/// Kubernetes resource quantities (apimachinery resource.Quantity) as values, so that a plan compares what the API
/// server canonicalised (<c>1000m</c> reads back as <c>1</c>, <c>1024Mi</c> as <c>1Gi</c>) with what the config
/// wrote. Grammar: a signed decimal number, then a binary-SI suffix (Ki…Ei), a decimal-SI suffix (n, u, m, "", k,
/// M, G, T, P, E) or a decimal exponent (e3, E-2).
/// </summary>
public static class KubernetesQuantity
{
    /// <summary>The exact value; false when the text is not a quantity or is beyond <see cref="decimal"/>'s range.</summary>
    public static bool TryParse(string text, out decimal value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = 0;
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        var digitsStart = i;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
        {
            i++;
        }

        var number = text[..i];
        var digits = text[digitsStart..i];
        if (digits.Length == 0 || string.Equals(digits, ".", StringComparison.Ordinal) || digits.Count(c => c == '.') > 1
            || !decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var mantissa))
        {
            return false;
        }

        var suffix = text[i..];
        try
        {
            switch (suffix)
            {
                case "":
                    value = mantissa;
                    return true;
                case "n":
                    value = mantissa / 1_000_000_000m;
                    return true;
                case "u":
                    value = mantissa / 1_000_000m;
                    return true;
                case "m":
                    value = mantissa / 1000m;
                    return true;
                case "k":
                    return Scale(mantissa, 1000m, 1, out value);
                case "M":
                    return Scale(mantissa, 1000m, 2, out value);
                case "G":
                    return Scale(mantissa, 1000m, 3, out value);
                case "T":
                    return Scale(mantissa, 1000m, 4, out value);
                case "P":
                    return Scale(mantissa, 1000m, 5, out value);
                case "E":
                    return Scale(mantissa, 1000m, 6, out value);
                case "Ki":
                    return Scale(mantissa, 1024m, 1, out value);
                case "Mi":
                    return Scale(mantissa, 1024m, 2, out value);
                case "Gi":
                    return Scale(mantissa, 1024m, 3, out value);
                case "Ti":
                    return Scale(mantissa, 1024m, 4, out value);
                case "Pi":
                    return Scale(mantissa, 1024m, 5, out value);
                case "Ei":
                    return Scale(mantissa, 1024m, 6, out value);
                default:
                    return Exponent(mantissa, suffix, out value);
            }
        }
        catch (OverflowException)
        {
            value = 0;
            return false;
        }
    }

    /// <summary>
    /// Whether two quantities are the same amount (<c>1000m</c> = <c>1</c>, <c>1024Mi</c> = <c>1Gi</c>); texts that are
    /// not quantities compare as written.
    /// </summary>
    public static bool AreEqual(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (string.Equals(left, right, StringComparison.Ordinal))
        {
            return true;
        }

        return TryParse(left, out var a) && TryParse(right, out var b) && a == b;
    }

    private static bool Scale(decimal mantissa, decimal factor, int power, out decimal value)
    {
        value = mantissa;
        for (var p = 0; p < power; p++)
        {
            value *= factor;
        }

        return true;
    }

    private static bool Exponent(decimal mantissa, string suffix, out decimal value)
    {
        value = 0;
        if (suffix.Length < 2 || suffix[0] is not ('e' or 'E'))
        {
            return false;
        }

        var exponentText = suffix[1..];
        var start = exponentText[0] is '+' or '-' ? 1 : 0;
        if (exponentText.Length == start || exponentText.AsSpan(start).IndexOfAnyExceptInRange('0', '9') >= 0
            || !int.TryParse(exponentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var exponent)
            || exponent is > 40 or < -40)
        {
            return false;
        }

        value = mantissa;
        for (var p = 0; p < Math.Abs(exponent); p++)
        {
            value = exponent > 0 ? value * 10m : value / 10m;
        }

        return true;
    }
}
