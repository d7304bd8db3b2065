using System;
using System.Text;

namespace KerasGen.Generator.Emit;

/// <summary>A small indenting text writer for generated C#: far cheaper than SyntaxFactory + NormalizeWhitespace on
/// large unrolled bodies. Newlines are always "\n" so the output is byte-identical on every OS.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter(int indent = 0) => _indent = indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0) _text.Append(' ', _indent * 4).Append(line);
        _text.Append('\n');
        return this;
    }

    /// <summary>Writes <paramref name="header"/>, then an indented braced block; dispose the result to close it.</summary>
    public IDisposable Block(string header, string close = "}")
    {
        if (header.Length > 0) Line(header); // an empty header opens a bare scope
        Line("{");
        _indent++;
        return new Closer(this, close);
    }

    /// <summary>A writer at this one's indentation, for text that is appended later (a layer's kernel methods).</summary>
    public CodeWriter Nested() => new(_indent);

    /// <summary>Appends text that is already indented.</summary>
    public void Raw(string text) => _text.Append(text);

    /// <summary>Appends what a <see cref="Nested"/> writer wrote.</summary>
    public void Append(CodeWriter nested) => _text.Append(nested._text);

    public override string ToString() => _text.ToString();

    private sealed class Closer : IDisposable
    {
        private readonly CodeWriter _writer;
        private readonly string _close;
        public Closer(CodeWriter writer, string close) => (_writer, _close) = (writer, close);
        public void Dispose()
        {
            _writer._indent--;
            _writer.Line(_close);
        }
    }
}
