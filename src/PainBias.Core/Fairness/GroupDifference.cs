namespace PainBias.Core.Fairness;

/// <summary>Mean prediction of one perceived group minus another's (B − W, S − Y), with a face bootstrap interval.</summary>
public sealed record GroupDifference(string Name, double? Value, double? Lower, double? Upper, int FirstCount, int SecondCount, string? Undefined);
