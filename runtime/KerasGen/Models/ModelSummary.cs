using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace KerasGen;

/// <summary>
/// Keras 3 <c>model.summary()</c> text (KERAS_SPEC §7.7): the rich table with columns at 45% / 80% / 100% of the line
/// length, cells wrapped at spaces, and the totals footer.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ModelSummary
{
    private static readonly double[] Positions = { 0.45, 0.8, 1.0 };

    /// <summary>The summary of <paramref name="rows"/>; <paramref name="nonTrainable"/> of the parameters are not
    /// trainable (BatchNormalization's moving statistics).</summary>
    public static string Format(string modelName, IReadOnlyList<LayerDescription> rows, int lineLength = 88, int nonTrainable = 0)
    {
        if (lineLength < 20) throw new ArgumentOutOfRangeException(nameof(lineLength), lineLength, "A summary needs at least 20 columns.");
        int[] widths = ColumnWidths(lineLength);
        var text = new StringBuilder();
        text.Append("Model: \"").Append(modelName).Append("\"\n");
        Rule(text, widths, '┏', '━', '┳', '┓');
        Row(text, widths, '┃', new[] { "Layer (type)", "Output Shape", "Param #" });
        Rule(text, widths, '┡', '━', '╇', '┩');
        int total = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (i > 0) Rule(text, widths, '├', '─', '┼', '┤');
            Row(text, widths, '│', new[] { $"{row.Name} ({row.ClassName})", row.OutputShapeText, Thousands(row.Params) });
            total += row.Params;
        }
        Rule(text, widths, '└', '─', '┴', '┘');
        text.Append(" Total params: ").Append(Thousands(total)).Append(" (").Append(Bytes(total * 4L)).Append(")\n");
        int trainable = total - nonTrainable;
        text.Append(" Trainable params: ").Append(Thousands(trainable)).Append(" (").Append(Bytes(trainable * 4L)).Append(")\n");
        text.Append(" Non-trainable params: ").Append(Thousands(nonTrainable)).Append(" (").Append(Bytes(nonTrainable * 4L)).Append(')');
        return text.ToString();
    }

    /// <summary>rich's geometry: requested widths from the positions plus one space of padding each side, then the
    /// excess over the line (less the borders) taken off column by column with banker's rounding.</summary>
    internal static int[] ColumnWidths(int lineLength)
    {
        var widths = new int[Positions.Length];
        int previous = 0;
        for (int i = 0; i < widths.Length; i++)
        {
            int edge = (int)(Positions[i] * lineLength);
            widths[i] = edge - previous + 2;
            previous = edge;
        }
        int excess = Sum(widths) - (lineLength - (widths.Length + 1));
        for (int i = 0; i < widths.Length && excess > 0; i++)
        {
            int cut = Math.Min(widths[i], (int)Math.Round((double)excess / (widths.Length - i), MidpointRounding.ToEven));
            widths[i] -= cut;
            excess -= cut;
        }
        return widths;
    }

    private static void Rule(StringBuilder text, int[] widths, char left, char fill, char join, char right)
    {
        text.Append(left);
        for (int i = 0; i < widths.Length; i++)
        {
            if (i > 0) text.Append(join);
            text.Append(fill, widths[i]);
        }
        text.Append(right).Append('\n');
    }

    /// <summary>One table row; cells too long for their column wrap at spaces onto further lines.</summary>
    private static void Row(StringBuilder text, int[] widths, char border, string[] cells)
    {
        var lines = new List<string>[cells.Length];
        int height = 0;
        for (int i = 0; i < cells.Length; i++)
        {
            lines[i] = Wrap(cells[i], widths[i] - 2);
            height = Math.Max(height, lines[i].Count);
        }
        for (int line = 0; line < height; line++)
        {
            text.Append(border);
            for (int i = 0; i < cells.Length; i++)
            {
                if (i > 0) text.Append(border);
                string content = line < lines[i].Count ? lines[i][line] : "";
                bool rightAligned = i == cells.Length - 1;
                text.Append(' ').Append(rightAligned ? content.PadLeft(widths[i] - 2) : content.PadRight(widths[i] - 2)).Append(' ');
            }
            text.Append(border).Append('\n');
        }
    }

    private static List<string> Wrap(string cell, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in cell.Split(' '))
        {
            if (current.Length > 0 && current.Length + 1 + word.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear();
            }
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
        }
        lines.Add(current.ToString());
        return lines;
    }

    private static int Sum(int[] values)
    {
        int sum = 0;
        foreach (int v in values) sum += v;
        return sum;
    }

    private static string Thousands(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Keras' readable_memory_size: 1024 steps, two decimals.</summary>
    private static string Bytes(long bytes)
    {
        string[] units = { "B", "KB", "MB", "GB", "TB", "PB" };
        double size = bytes;
        foreach (var unit in units)
        {
            if (size / 1024 < 1) return size.ToString("F2", CultureInfo.InvariantCulture) + " " + unit;
            size /= 1024;
        }
        return size.ToString("F2", CultureInfo.InvariantCulture) + " EB";
    }
}
