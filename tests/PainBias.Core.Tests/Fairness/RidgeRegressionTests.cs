using PainBias.Core.Fairness;

namespace PainBias.Core.Tests.Fairness;

public class RidgeRegressionTests
{
    [Fact]
    public void One_feature_matches_the_closed_form_worked_by_hand()
    {
        // x = 1..4, y = 1, 3, 2, 5: x̄ = 2.5, ȳ = 2.75, s²ₓ = 5/3, Σ(x − x̄)(y − ȳ) = 5.5, Σz² = n − 1 = 3.
        // β_z = (5.5 / sₓ) / (3 + λ); prediction at x = 5 is 2.75 + (2.5 / sₓ) β_z = 2.75 + 8.25 / (3 + λ).
        double[][] x = [[1], [2], [3], [4]];
        var model = RidgeRegression.Fit(x, [1, 3, 2, 5], 1.0);

        Assert.Equal(2.75, model.Intercept, 1e-12);
        Assert.Equal(5.5 / Math.Sqrt(5.0 / 3) / 4, model.Coefficients[0], 1e-12);
        Assert.Equal(2.75 + 8.25 / 4, model.Predict([5]), 1e-12);
    }

    [Theory]
    [InlineData(6, 2, 0.7)]   // more rows than features: the primal path
    [InlineData(3, 5, 0.3)]   // more features than rows: the dual path
    [InlineData(4, 4, 2.0)]
    public void Coefficients_solve_the_penalised_normal_equations(int n, int p, double lambda)
    {
        var random = new Random(n * 31 + p);
        var x = Enumerable.Range(0, n).Select(_ => Enumerable.Range(0, p).Select(_ => random.NextDouble() * 10 - 3).ToArray()).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 16).ToArray();

        var model = RidgeRegression.Fit(x, y, lambda);

        // Independently: standardise with sample SDs, centre y, solve (ZᵀZ + λI)β = Zᵀy by Gaussian elimination.
        var means = Enumerable.Range(0, p).Select(j => x.Average(r => r[j])).ToArray();
        var sds = Enumerable.Range(0, p).Select(j => Math.Sqrt(x.Sum(r => Math.Pow(r[j] - means[j], 2)) / (n - 1))).ToArray();
        var z = x.Select(r => r.Select((v, j) => (v - means[j]) / sds[j]).ToArray()).ToArray();
        var ybar = y.Average();
        var a = new double[p, p + 1];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++) a[i, j] = z.Sum(r => r[i] * r[j]) + (i == j ? lambda : 0);
            a[i, p] = z.Select((r, k) => r[i] * (y[k] - ybar)).Sum();
        }

        var beta = GaussSolve(a, p);
        Assert.Equal(ybar, model.Intercept, 1e-12);
        for (var j = 0; j < p; j++) Assert.Equal(beta[j], model.Coefficients[j], 1e-9);
        var probe = Enumerable.Range(0, p).Select(j => (double)j).ToArray();
        var expected = ybar + probe.Select((v, j) => (v - means[j]) / sds[j] * beta[j]).Sum();
        Assert.Equal(expected, model.Predict(probe), 1e-9);
    }

    [Fact]
    public void A_constant_feature_gets_no_weight()
    {
        double[][] x = [[1, 5], [2, 5], [3, 5], [4, 5]];
        var model = RidgeRegression.Fit(x, [1, 3, 2, 5], 1.0);
        Assert.Equal(0, model.Coefficients[1]);
        Assert.Equal(2.75 + 8.25 / 4, model.Predict([5, 123]), 1e-12);
    }

    [Fact]
    public void Cross_validation_picks_a_small_penalty_for_noiseless_data_and_a_large_one_for_pure_noise()
    {
        var random = new Random(3);
        var groups = Enumerable.Range(0, 40).Select(i => new Guid(i / 2 + 1, 0, 0, new byte[8])).ToList();
        var x = groups.Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, 3).Select(_ => random.NextDouble()).ToArray()).ToList();
        var exact = x.Select(r => 1 + 2 * r[0] - r[1] + 0.5 * r[2]).ToList();
        var wide = groups.Select(_ => (IReadOnlyList<double>)Enumerable.Range(0, 20).Select(_ => random.NextDouble()).ToArray()).ToList();
        var noise = x.Select(_ => random.NextDouble() * 10).ToList();
        double[] grid = [1e-6, 1e-2, 1, 1e2, 1e4, 1e6];

        var (fitExact, mseExact) = RidgeRegression.FitCrossValidated(x, exact, groups, grid, 5, 11);
        var (fitNoise, _) = RidgeRegression.FitCrossValidated(wide, noise, groups, grid, 5, 11);

        Assert.Equal(1e-6, fitExact.Lambda);
        Assert.True(mseExact[0] < 1e-12, $"held-out MSE {mseExact[0]}");
        Assert.True(fitNoise.Lambda >= 1e2, $"chose λ = {fitNoise.Lambda} for noise");
    }

    private static double[] GaussSolve(double[,] a, int p)
    {
        for (var c = 0; c < p; c++)
        {
            var pivot = Enumerable.Range(c, p - c).MaxBy(r => Math.Abs(a[r, c]));
            for (var k = 0; k <= p; k++) (a[c, k], a[pivot, k]) = (a[pivot, k], a[c, k]);
            for (var r = 0; r < p; r++)
            {
                if (r == c) continue;
                var f = a[r, c] / a[c, c];
                for (var k = 0; k <= p; k++) a[r, k] -= f * a[c, k];
            }
        }

        return Enumerable.Range(0, p).Select(i => a[i, p] / a[i, i]).ToArray();
    }
}
