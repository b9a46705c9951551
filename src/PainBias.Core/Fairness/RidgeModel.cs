namespace PainBias.Core.Fairness;

/// <summary>
/// A fitted ridge regression: features standardised with the training means and sample SDs, coefficients on the
/// standardised scale, intercept the training mean of the label (it is not penalised).
/// </summary>
public sealed class RidgeModel(double intercept, double[] coefficients, double[] means, double[] scales, double lambda)
{
    public double Intercept => intercept;

    /// <summary>Coefficients of the standardised features.</summary>
    public IReadOnlyList<double> Coefficients => coefficients;

    public IReadOnlyList<double> Means => means;

    /// <summary>Sample SDs of the training features; 1 for a constant feature, which then carries no weight.</summary>
    public IReadOnlyList<double> Scales => scales;

    public double Lambda => lambda;

    public double Predict(IReadOnlyList<double> features)
    {
        if (features.Count != coefficients.Length)
            throw new ArgumentException($"The model takes {coefficients.Length} features; got {features.Count}.", nameof(features));
        var y = intercept;
        for (var j = 0; j < coefficients.Length; j++) y += (features[j] - means[j]) / scales[j] * coefficients[j];
        return y;
    }
}
