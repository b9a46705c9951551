namespace PainBias.Imaging.Faces;

/// <summary>A point in image pixels (x right, y down).</summary>
public readonly record struct FacePoint(float X, float Y)
{
    public float DistanceTo(FacePoint other) => MathF.Sqrt(((X - other.X) * (X - other.X)) + ((Y - other.Y) * (Y - other.Y)));
}
