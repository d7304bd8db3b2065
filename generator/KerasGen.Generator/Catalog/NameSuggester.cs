using System;
using System.Collections.Generic;

namespace KerasGen.Generator.Catalog;

/// <summary>"Did you mean": the known name closest to a misspelt one by edit distance with transpositions
/// (case-insensitive); ties go to the name of the same length ("rleu" → "relu", not "elu").</summary>
internal static class NameSuggester
{
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        string? best = null;
        int bestDistance = int.MaxValue, bestLengthGap = int.MaxValue, bestCaseDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            int distance = Distance(typed.ToLowerInvariant(), candidate.ToLowerInvariant());
            int lengthGap = Math.Abs(candidate.Length - typed.Length);
            // Then the spelling closest in case: "l22" → "l2", not the class name "L2".
            int caseDistance = distance == bestDistance && lengthGap == bestLengthGap ? Distance(typed, candidate) : int.MaxValue;
            if (distance < bestDistance || distance == bestDistance && (lengthGap < bestLengthGap || lengthGap == bestLengthGap && caseDistance < bestCaseDistance))
                (best, bestDistance, bestLengthGap, bestCaseDistance) = (candidate, distance, lengthGap, Distance(typed, candidate));
        }
        return bestDistance <= Math.Max(2, typed.Length / 3) ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i, j - 1] + 1, d[i - 1, j] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
