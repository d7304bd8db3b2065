using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace KerasGen.Generator.Catalog;

/// <summary>
/// A Keras identifier as written in an attribute string: a bare name (<c>"l2"</c>) or Keras' Python constructor form
/// (<c>"L1L2(l1=0.01, l2=0.001)"</c>, <c>"max_norm(3)"</c>, <c>"MaxNorm(max_value=3, axis=[0, 1])"</c>). Values are
/// numbers, <c>True</c>/<c>False</c>, <c>None</c>, quoted strings, and lists or tuples of numbers (int[] when all are integers, else double[]).
/// <see cref="Bind"/> matches the arguments to a parameter list as Python does.
/// </summary>
internal sealed class KerasCall
{
    private KerasCall(string name, List<object?> positional, List<KeyValuePair<string, object?>> named, bool hasParentheses) =>
        (Name, Positional, Named, HasParentheses) = (name, positional, named, hasParentheses);

    public string Name { get; }

    public IReadOnlyList<object?> Positional { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> Named { get; }

    /// <summary>Written as a call (<c>"relu()"</c>), not a bare name.</summary>
    public bool HasParentheses { get; }

    /// <summary>Parses <paramref name="text"/>; on a syntax error returns null with <paramref name="error"/> saying where.</summary>
    public static KerasCall? Parse(string text, out string? error)
    {
        var reader = new Reader(text);
        error = null;
        reader.SkipSpace();
        string name = reader.Identifier();
        if (name.Length == 0) return Fail(reader, "expected a name", out error);
        reader.SkipSpace();
        var positional = new List<object?>();
        var named = new List<KeyValuePair<string, object?>>();
        bool call = reader.Take('(');
        if (call)
        {
            reader.SkipSpace();
            while (!reader.Take(')'))
            {
                if (positional.Count + named.Count > 0 && !reader.Take(',')) return Fail(reader, "expected ',' or ')'", out error);
                reader.SkipSpace();
                if (reader.Take(')')) break; // a trailing comma, as Python allows
                int start = reader.Position;
                string key = reader.Identifier();
                reader.SkipSpace();
                if (key.Length > 0 && reader.Take('='))
                {
                    reader.SkipSpace();
                    if (!reader.Value(out var value)) return Fail(reader, $"expected a value for '{key}'", out error);
                    if (named.Any(n => n.Key == key)) return Fail(reader, $"keyword argument repeated: {key}", out error);
                    named.Add(new(key, value));
                }
                else
                {
                    reader.Position = start;
                    if (named.Count > 0) return Fail(reader, "positional argument follows keyword argument", out error);
                    if (!reader.Value(out var value)) return Fail(reader, "expected a value", out error);
                    positional.Add(value);
                }
                reader.SkipSpace();
                if (reader.AtEnd) return Fail(reader, "expected ')'", out error);
            }
            reader.SkipSpace();
        }
        if (!reader.AtEnd) return Fail(reader, call ? "unexpected text after ')'" : "expected '(' or the end", out error);
        return new KerasCall(name, positional, named, call);
    }

    private static KerasCall? Fail(Reader reader, string what, out string? error)
    {
        error = $"{what} at character {reader.Position + 1}";
        return null;
    }

    /// <summary>Binds the arguments to <paramref name="parameters"/> (names in order, with defaults), as a Python call
    /// of <paramref name="callee"/> would; on a mismatch returns null with Python's TypeError text.</summary>
    public Dictionary<string, object?>? Bind(string callee, IReadOnlyList<(string Name, object? Default)> parameters, out string? error)
    {
        error = null;
        if (Positional.Count > parameters.Count)
        {
            error = $"{callee}() takes {parameters.Count} positional argument{(parameters.Count == 1 ? "" : "s")} but {Positional.Count} were given";
            return null;
        }
        var bound = new Dictionary<string, object?>();
        for (int i = 0; i < parameters.Count; i++) bound[parameters[i].Name] = i < Positional.Count ? Positional[i] : parameters[i].Default;
        foreach (var pair in Named)
        {
            int index = -1;
            for (int i = 0; i < parameters.Count; i++)
                if (parameters[i].Name == pair.Key) index = i;
            if (index < 0)
            {
                error = $"{callee}() got an unexpected keyword argument '{pair.Key}'" +
                    LayerSuggestion(pair.Key, parameters.Select(p => p.Name));
                return null;
            }
            if (index < Positional.Count)
            {
                error = $"{callee}() got multiple values for argument '{pair.Key}'";
                return null;
            }
            bound[pair.Key] = pair.Value;
        }
        foreach (var p in parameters)
            if (bound[p.Name] is Required)
            {
                error = $"{callee}() missing 1 required positional argument: '{p.Name}'";
                return null;
            }
        return bound;
    }

    private static string LayerSuggestion(string typed, IEnumerable<string> known) =>
        NameSuggester.Closest(typed, known) is { } closest ? $". Did you mean '{closest}'?" : "";

    /// <summary>The default of a parameter that has none.</summary>
    public sealed class Required
    {
        public static readonly Required Value = new();
    }

    /// <summary>A finite number that float32 holds without overflowing or flushing a non-zero to 0 (what the
    /// generated code and the runtime compute in).</summary>
    public static bool IsFloat(object? value) =>
        value is double d && !double.IsNaN(d) && !double.IsInfinity(d) && !float.IsInfinity((float)d) && (d == 0 || (float)d != 0);

    /// <summary>A value as Python would print it (for messages).</summary>
    public static string Show(object? value) => value switch
    {
        null => "None",
        bool b => b ? "True" : "False",
        double d => double.IsPositiveInfinity(d) ? "inf" : double.IsNegativeInfinity(d) ? "-inf" : d.ToString("R", CultureInfo.InvariantCulture),
        string s => "'" + s + "'",
        int[] list => "[" + string.Join(", ", list) + "]",
        double[] list => "[" + string.Join(", ", list.Select(d => Show(d))) + "]",
        _ => value.ToString() ?? "",
    };

    private sealed class Reader
    {
        private readonly string _text;

        public Reader(string text) => _text = text;

        public int Position { get; set; }

        public bool AtEnd => Position >= _text.Length;

        public void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(_text[Position])) Position++;
        }

        public bool Take(char c)
        {
            if (AtEnd || _text[Position] != c) return false;
            Position++;
            return true;
        }

        public string Identifier()
        {
            int start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(_text[Position]) || _text[Position] == '_') && (Position > start || !char.IsDigit(_text[Position]))) Position++;
            return _text.Substring(start, Position - start);
        }

        public bool Value(out object? value)
        {
            value = null;
            if (AtEnd) return false;
            char c = _text[Position];
            if (c is '\'' or '"')
            {
                int end = _text.IndexOf(c, Position + 1);
                if (end < 0) return false;
                value = _text.Substring(Position + 1, end - Position - 1);
                Position = end + 1;
                return true;
            }
            if (c is '[' or '(')
            {
                char close = c == '[' ? ']' : ')';
                Position++;
                var items = new List<double>();
                SkipSpace();
                while (!Take(close))
                {
                    if (items.Count > 0 && !Take(',')) return false;
                    SkipSpace();
                    if (Take(close)) break;
                    // Items are numbers only (no nested lists), so no input can recurse deeply.
                    if (AtEnd || _text[Position] is '[' or '(' or '\'' or '"' || !Value(out var item) || item is not double d || double.IsNaN(d)) return false;
                    items.Add(d);
                    SkipSpace();
                    if (AtEnd) return false;
                }
                // A list of integers (axes, boundaries) is an int[]; any other list of numbers a double[].
                value = items.All(d => d == System.Math.Floor(d) && System.Math.Abs(d) <= int.MaxValue) ? items.Select(d => (int)d).ToArray() : items.ToArray();
                return true;
            }
            int start = Position;
            if (string.CompareOrdinal(_text, Position, "-inf", 0, 4) == 0)
            {
                Position += 4;
                value = double.NegativeInfinity;
                return true;
            }
            string word = Identifier();
            if (word.Length > 0)
            {
                switch (word)
                {
                    case "True" or "true": value = true; return true;
                    case "False" or "false": value = false; return true;
                    case "None" or "null": value = null; return true;
                    case "inf": value = double.PositiveInfinity; return true;
                }
                Position = start;
                return false;
            }
            while (!AtEnd && (char.IsDigit(_text[Position]) || _text[Position] is '.' or 'e' or 'E' or '+' or '-'
                   || (_text[Position] == '_' && Position > start))) Position++;
            string number = _text.Substring(start, Position - start).Replace("_", "");
            if (number.Length == 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed)) return false;
            value = parsed;
            return true;
        }
    }

    /// <summary>Keras' canonical text for a call: the name, then only the arguments that differ from the defaults,
    /// by keyword in parameter order; the bare name when none do.</summary>
    public static string Canonical(string name, IReadOnlyList<(string Name, object? Default)> parameters, IReadOnlyDictionary<string, object?> bound)
    {
        var text = new StringBuilder(name);
        var changed = parameters.Where(p => !Equal(bound[p.Name], p.Default)).ToList();
        if (changed.Count == 0) return name;
        text.Append('(').Append(string.Join(", ", changed.Select(p => p.Name + "=" + Show(bound[p.Name])))).Append(')');
        return text.ToString();
    }

    private static bool Equal(object? a, object? b) => a switch
    {
        null => b is null,
        int[] x => b is int[] y && x.SequenceEqual(y),
        double[] x => b is double[] y && x.SequenceEqual(y),
        _ => a.Equals(b),
    };
}
