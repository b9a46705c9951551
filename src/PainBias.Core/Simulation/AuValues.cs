namespace PainBias.Core.Simulation;

/// <summary>One number per graded AU (AU4, AU6, AU7, AU9, AU10).</summary>
public sealed record AuValues(double Au4, double Au6, double Au7, double Au9, double Au10)
{
    public AuValues Scale(double factor) => new(Au4 * factor, Au6 * factor, Au7 * factor, Au9 * factor, Au10 * factor);

    public IReadOnlyList<double> InOrder => [Au4, Au6, Au7, Au9, Au10];
}
