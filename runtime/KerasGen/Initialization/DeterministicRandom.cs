using System;

namespace KerasGen.Initialization;

/// <summary>
/// xoshiro256** seeded through SplitMix64: the same seed gives the same numbers on every machine and runtime.
/// Normal samples use Marsaglia's polar method with <see cref="DeterministicMath.Log"/>, so no platform libm
/// (whose last bits differ between systems) touches a weight.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareNormal;

    public DeterministicRandom(ulong seed) => Reseed(seed);

    /// <summary>Restarts the stream as <c>new DeterministicRandom(seed)</c> would, without allocating.</summary>
    public void Reseed(ulong seed)
    {
        _s0 = SplitMix64(ref seed);
        _s1 = SplitMix64(ref seed);
        _s2 = SplitMix64(ref seed);
        _s3 = SplitMix64(ref seed);
        _spareNormal = null;
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal N(0, 1).</summary>
    public double NextNormal()
    {
        if (_spareNormal is double spare)
        {
            _spareNormal = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * DeterministicMath.Log(s) / s);
        _spareNormal = v * factor;
        return u * factor;
    }

    /// <summary>A seed for sub-stream <paramref name="stream"/> of <paramref name="seed"/> (e.g. one per weight).</summary>
    public static ulong Derive(ulong seed, int stream)
    {
        ulong state = seed ^ (0x9E3779B97F4A7C15UL * (ulong)(stream + 1));
        return SplitMix64(ref state);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
