namespace Ambient.NanoCheck.Tests;

public sealed class LintRuleTests
{
    [Theory]
    [InlineData("public class Box<T> { }")]
    [InlineData("public struct Pair<A, B> { }")]
    [InlineData("public interface ISource<T> { }")]
    [InlineData("public class C { public T Pick<T>(T x) { return x; } }")]
    [InlineData("public delegate T Make<T>();")]
    [InlineData("public class C { public int M() { T Id<T>(T x) { return x; } return Id(1); } }")]
    public void Own_generic_declarations_are_errors(string declaration)
    {
        Assert.Equal(["NANO001"], NanoCompilation.Ids("namespace T { " + declaration + " }"));
    }

    [Fact]
    public void Generic_library_types_fail_the_compile_itself()
    {
        var ids = NanoCompilation.Ids("namespace T { public class C { public System.Collections.Generic.List<int> L; } }");

        Assert.Contains("CS0234", ids);
    }

    [Theory]
    [InlineData("int[,] grid = new int[2, 2]; return grid;")]
    [InlineData("return new byte[3, 3, 3];")]
    public void Multi_dimensional_arrays_are_errors(string statements)
    {
        Assert.Contains("NANO002", NanoCompilation.IdsInMethod(statements));
    }

    [Fact]
    public void Jagged_arrays_are_fine()
    {
        Assert.Empty(NanoCompilation.IdsInMethod("int[][] rows = new int[2][]; return rows;"));
    }

    [Theory]
    [InlineData("return d.ToString(\"0.00\");", "0.00")]
    [InlineData("return $\"{d:#.#}\";", "#.#")]
    [InlineData("return string.Format(\"{0:0.0} {1}\", d, i);", "0.0")]
    [InlineData("return string.Format(\"{0} {1:000}\", \"x\", i);", "000")]
    [InlineData("return i.ToString(\"P\");", "P")]
    [InlineData("return l.ToString(\"E3\");", "E3")]
    public void Custom_numeric_formats_are_errors(string statements, string format)
    {
        var diagnostics = NanoCompilation.Diagnose(
            "namespace T { public class C { public object M(double d, int i, long l) { " + statements + " } } }");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("NANO003", diagnostic.Id);
        Assert.Contains("\"" + format + "\"", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("return d.ToString(\"F2\");")]
    [InlineData("return $\"{i:X4} {d:N1} {i:D} {l:G}\";")]
    [InlineData("return string.Format(\"{0:F1} {1,5}\", d, i);")]
    [InlineData("return t.ToString(\"yyyy-MM-dd\");")]
    [InlineData("return $\"{t:HH:mm}\";")]
    [InlineData("return i.ToString();")]
    public void Standard_numeric_formats_and_date_patterns_are_fine(string statements)
    {
        Assert.Empty(NanoCompilation.IdsInMethod(statements));
    }

    [Theory]
    [InlineData("return mode.ToString();")]
    [InlineData("return \"mode \" + mode;")]
    [InlineData("return $\"mode {mode}\";")]
    public void Enum_to_text_is_an_error(string statements)
    {
        Assert.Equal(["NANO006"], NanoCompilation.IdsInMethod(statements));
    }

    [Fact]
    public void Enum_numbers_are_fine()
    {
        Assert.Empty(NanoCompilation.IdsInMethod("return \"mode \" + ((int)mode).ToString();"));
    }

    [Fact]
    public void Exception_filters_are_errors()
    {
        Assert.Equal(["NANO005"], NanoCompilation.IdsInMethod(
            "try { return null; } catch (System.Exception e) when (e.Message != null) { return e; }"));
    }

    [Fact]
    public void Async_is_an_error_even_where_the_compile_fails_for_want_of_Task()
    {
        var ids = NanoCompilation.Ids("namespace T { public class C { public async void M() { } } }");

        Assert.Contains("NANO004", ids);
    }

    [Fact]
    public void A_variable_named_async_is_not_async()
    {
        Assert.Empty(NanoCompilation.IdsInMethod("int async = 1; return async;"));
    }
}
