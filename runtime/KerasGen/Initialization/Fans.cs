namespace KerasGen.Initialization;

/// <summary>Keras 3 <c>compute_fans</c> (KERAS_SPEC §2.1).</summary>
public static class Fans
{
    public static (double FanIn, double FanOut) Compute(int[] shape)
    {
        switch (shape.Length)
        {
            case 0: return (1, 1);
            case 1: return (shape[0], shape[0]);
            case 2: return (shape[0], shape[1]);
            default:
                double receptiveField = 1;
                for (int i = 0; i < shape.Length - 2; i++) receptiveField *= shape[i];
                return (shape[^2] * receptiveField, shape[^1] * receptiveField);
        }
    }
}
