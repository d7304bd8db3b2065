using System;

namespace KerasGen.Initialization;

/// <summary>Functions computed with +, −, ×, ÷ and sqrt only (IEEE-exact everywhere), for bit-identical weights.</summary>
public static class DeterministicMath
{
    private const double Ln2 = 0.69314718055994530942;

    /// <summary>Natural log of a positive finite x: x = m·2^e with m in [√½, √2), ln m = 2·atanh((m−1)/(m+1)).</summary>
    public static double Log(double x)
    {
        if (!(x > 0) || double.IsInfinity(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "Log needs a positive finite value.");
        int exponent = 0;
        while (x < 1) { x *= 2; exponent--; }
        while (x >= 2) { x /= 2; exponent++; }
        if (x > 1.4142135623730951) { x /= 2; exponent++; }
        double z = (x - 1) / (x + 1), z2 = z * z, term = z, sum = 0;
        for (int k = 1; k <= 41; k += 2)
        {
            sum += term / k;
            term *= z2;
        }
        return 2 * sum + exponent * Ln2;
    }
}
