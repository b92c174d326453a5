using System.Globalization;

namespace Gan.Tracking.Tests;

public sealed class PythonFloatTests
{
    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(1.0, "1.0")]
    [InlineData(100.0, "100.0")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(2.5e-7, "2.5e-07")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(9999999999999998.0, "9999999999999998.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.5e300, "1.5e+300")]
    [InlineData(-3.25, "-3.25")]
    [InlineData(0.0, "0.0")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.PositiveInfinity, "inf")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData(5e-324, "5e-324")]
    public void Format_matches_python_repr(double value, string expected) =>
        Assert.Equal(expected, PythonFloat.Format(value));

    [Fact]
    public void Negative_zero_keeps_its_sign() => Assert.Equal("-0.0", PythonFloat.Format(-0.0));

    [Fact]
    public void Every_formatted_value_parses_back_to_the_same_double()
    {
        var random = new Random(1234);
        for (var i = 0; i < 10_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(value))
            {
                continue;
            }

            Assert.True(PythonFloat.TryParse(PythonFloat.Format(value), out var parsed));
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(parsed));
        }
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("NaN")]
    public void Parse_accepts_nan_spellings(string text)
    {
        Assert.True(PythonFloat.TryParse(text, out var value));
        Assert.True(double.IsNaN(value));
    }

    [Theory]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("Infinity", double.PositiveInfinity)]
    [InlineData("1E+16", 1e16)]
    [InlineData("3", 3.0)]
    public void Parse_accepts_what_python_float_accepts(string text, double expected)
    {
        Assert.True(PythonFloat.TryParse(text, out var value));
        Assert.Equal(expected.ToString("R", CultureInfo.InvariantCulture), value.ToString("R", CultureInfo.InvariantCulture));
    }
}
