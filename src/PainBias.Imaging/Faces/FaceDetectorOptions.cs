namespace PainBias.Imaging.Faces;

public sealed record FaceDetectorOptions
{
    /// <summary>Minimum sigmoid score for a candidate box.</summary>
    public float MinScore { get; init; } = 0.6f;

    /// <summary>Candidates overlapping the best one more than this are merged into it.</summary>
    public float NmsIouThreshold { get; init; } = 0.3f;

    public static FaceDetectorOptions Default { get; } = new();
}
