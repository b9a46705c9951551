namespace PainBias.Imaging.Inference;

public sealed record InferenceOptions
{
    /// <summary>Try the CUDA execution provider first; off forces CPU even on GPU nodes.</summary>
    public bool PreferCuda { get; init; } = true;

    public int CudaDeviceId { get; init; }

    /// <summary>Threads per CPU session; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; init; }

    public static InferenceOptions Default { get; } = new();
}
