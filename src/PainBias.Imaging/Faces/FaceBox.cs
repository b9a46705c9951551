namespace PainBias.Imaging.Faces;

/// <summary>An axis-aligned box in image pixels.</summary>
public readonly record struct FaceBox(float X, float Y, float Width, float Height)
{
    public float Right => X + Width;

    public float Bottom => Y + Height;

    public FacePoint Centre => new(X + (Width / 2), Y + (Height / 2));

    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public bool Contains(FacePoint p) => p.X >= X && p.X <= Right && p.Y >= Y && p.Y <= Bottom;

    public float IntersectionOverUnion(FaceBox other)
    {
        var w = Math.Min(Right, other.Right) - Math.Max(X, other.X);
        var h = Math.Min(Bottom, other.Bottom) - Math.Max(Y, other.Y);
        if (w <= 0 || h <= 0)
        {
            return 0;
        }

        var intersection = w * h;
        return intersection / (Area + other.Area - intersection);
    }
}
