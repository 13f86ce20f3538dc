using EksAccess.Core.Text;

namespace EksAccess.Core.Tests.Text;

public sealed class QuotedStringTests
{
    [Fact]
    public void Quote_SharedEscapes_AreTheSameInEveryDialect()
    {
        var quoted = QuotedString.Quote("a\"b\\c\nd\re\tf", (builder, value, index) => builder.Append(value[index]));

        quoted.ShouldBe("\"a\\\"b\\\\c\\nd\\re\\tf\"");
    }

    [Fact]
    public void Quote_OtherCharacters_GoToTheDialect()
    {
        var quoted = QuotedString.Quote("x\u0001", (builder, value, index) => QuotedString.AppendUnicodeEscape(builder, value[index], "X4"));

        quoted.ShouldBe("\"\\u0078\\u0001\"");
    }
}
