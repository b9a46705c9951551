namespace PainBias.Core.Statistics;

/// <summary>
/// Minimises a smooth function of two non-negative parameters: bounded Nelder–Mead restarted until
/// it stops improving, then Newton steps on finite-difference derivatives. The REML surface is flat
/// near its optimum, so the polish is what brings θ within ~1e-8 of lme4's tightly converged fit.
/// </summary>
internal static class ThetaOptimizer
{
    public static (double[] Theta, double Value, int Evaluations) Minimize(Func<double, double, double> f, double[] start)
    {
        var evaluations = 0;
        double F(double[] t) { evaluations++; return f(t[0], t[1]); }

        var best = (double[])start.Clone();
        var bestValue = F(best);
        var step = 0.5;
        for (var round = 0; round < 20; round++)
        {
            var (point, value) = NelderMead(F, best, step);
            var improved = bestValue - value;
            if (value <= bestValue) (best, bestValue) = (point, value);
            if (improved < 1e-13 && round > 0) break;
            step = Math.Max(1e-3, step * 0.1);
        }

        for (var iteration = 0; iteration < 50; iteration++)
        {
            var next = NewtonStep(F, best);
            if (next is null) break;
            var value = F(next);
            if (!(value < bestValue)) break;
            var moved = Math.Abs(next[0] - best[0]) + Math.Abs(next[1] - best[1]);
            (best, bestValue) = (next, value);
            if (moved < 1e-12) break;
        }
        return (best, bestValue, evaluations);
    }

    private static (double[] Point, double Value) NelderMead(Func<double[], double> f, double[] start, double step)
    {
        const int dims = 2;
        var simplex = new double[dims + 1][];
        var values = new double[dims + 1];
        simplex[0] = (double[])start.Clone();
        for (var i = 0; i < dims; i++)
        {
            var vertex = (double[])start.Clone();
            vertex[i] = vertex[i] + step;
            simplex[i + 1] = vertex;
        }
        for (var i = 0; i <= dims; i++) values[i] = f(simplex[i]);

        for (var iteration = 0; iteration < 5000; iteration++)
        {
            var order = Enumerable.Range(0, dims + 1).OrderBy(i => values[i]).ToArray();
            simplex = order.Select(i => simplex[i]).ToArray();
            values = order.Select(i => values[i]).ToArray();
            var size = 0.0;
            for (var i = 1; i <= dims; i++)
                for (var j = 0; j < dims; j++)
                    size = Math.Max(size, Math.Abs(simplex[i][j] - simplex[0][j]));
            if (size < 1e-11 || values[dims] - values[0] < 1e-15 * (1 + Math.Abs(values[0])) && size < 1e-8) break;

            var centroid = new double[dims];
            for (var i = 0; i < dims; i++)
                for (var j = 0; j < dims; j++)
                    centroid[j] += simplex[i][j] / dims;
            double[] Along(double coefficient) =>
                Project(centroid.Select((c, j) => c + coefficient * (simplex[dims][j] - c)).ToArray());

            var reflected = Along(-1.0);
            var fr = f(reflected);
            if (fr < values[0])
            {
                var expanded = Along(-2.0);
                var fe = f(expanded);
                (simplex[dims], values[dims]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[dims - 1])
            {
                (simplex[dims], values[dims]) = (reflected, fr);
            }
            else
            {
                var contracted = fr < values[dims] ? Along(-0.5) : Along(0.5);
                var fc = f(contracted);
                if (fc < Math.Min(fr, values[dims]))
                {
                    (simplex[dims], values[dims]) = (contracted, fc);
                }
                else
                {
                    for (var i = 1; i <= dims; i++)
                    {
                        simplex[i] = Project(simplex[i].Select((v, j) => simplex[0][j] + 0.5 * (v - simplex[0][j])).ToArray());
                        values[i] = f(simplex[i]);
                    }
                }
            }
        }
        var bestIndex = Array.IndexOf(values, values.Min());
        return (simplex[bestIndex], values[bestIndex]);
    }

    private static double[] Project(double[] point) => point.Select(v => Math.Max(0.0, v)).ToArray();

    /// <summary>
    /// One Newton step from central differences; null when the local model is not convex.
    /// </summary>
    private static double[]? NewtonStep(Func<double[], double> f, double[] at)
    {
        const double h = 1e-4;
        // A parameter within h of its bound stays where Nelder–Mead left it (central differences
        // would step outside the feasible region).
        var free = Enumerable.Range(0, 2).Where(i => at[i] >= h).ToList();
        var gradient = new double[2];
        if (free.Count == 0) return null;

        var f0 = f(at);
        var hessian = new double[2, 2];
        foreach (var i in free)
        {
            var fp = f(Shift(at, i, h));
            var fm = f(Shift(at, i, -h));
            gradient[i] = (fp - fm) / (2 * h);
            hessian[i, i] = (fp - 2 * f0 + fm) / (h * h);
        }
        if (free.Count == 2)
        {
            var fpp = f(Shift(Shift(at, 0, h), 1, h));
            var fpm = f(Shift(Shift(at, 0, h), 1, -h));
            var fmp = f(Shift(Shift(at, 0, -h), 1, h));
            var fmm = f(Shift(Shift(at, 0, -h), 1, -h));
            hessian[0, 1] = hessian[1, 0] = (fpp - fpm - fmp + fmm) / (4 * h * h);
            var det = hessian[0, 0] * hessian[1, 1] - hessian[0, 1] * hessian[1, 0];
            if (!(hessian[0, 0] > 0 && det > 0)) return null;
            var d0 = (hessian[1, 1] * gradient[0] - hessian[0, 1] * gradient[1]) / det;
            var d1 = (hessian[0, 0] * gradient[1] - hessian[1, 0] * gradient[0]) / det;
            return Project([at[0] - d0, at[1] - d1]);
        }
        var k = free[0];
        if (!(hessian[k, k] > 0)) return null;
        return Project(Shift(at, k, -gradient[k] / hessian[k, k]));
    }

    private static double[] Shift(double[] point, int index, double by)
    {
        var copy = (double[])point.Clone();
        copy[index] += by;
        return copy;
    }
}
