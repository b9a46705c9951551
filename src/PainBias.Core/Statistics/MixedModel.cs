using MathNet.Numerics.LinearAlgebra;

namespace PainBias.Core.Statistics;

/// <summary>
/// Linear mixed model with crossed random intercepts for subject and assessor, fitted by REML as
/// lme4::lmer does: the profiled deviance is minimised over θ ≥ 0, β and σ follow in closed form.
/// </summary>
public static class MixedModel
{
    /// <summary>lme4's isSingular tolerance on θ.</summary>
    private const double SingularTolerance = 1e-4;

    /// <summary>
    /// A constant response has zero residual variance, where the profiled deviance is −∞; lme4
    /// returns a meaningless fit there, so the engine reports it as not fitted.
    /// </summary>
    public const string ConstantResponse = "response is constant: variance components are not identifiable";

    public static MixedModelResult Fit(IReadOnlyList<RatingObservation> rows)
    {
        var subjects = Levels(rows.Select(r => r.SubjectId));
        var assessors = Levels(rows.Select(r => r.AssessorId));
        var n = rows.Count;
        if (n == 0)
            return MixedModelResult.Failed(0, 0, 0, "no observations");
        // The checks lme4 makes before fitting (check.nlev.gtr.1, check.nobs.vs.nlev), in its order.
        if (subjects.Count < 2 || assessors.Count < 2)
            return MixedModelResult.Failed(n, subjects.Count, assessors.Count, "grouping factors must have > 1 sampled level");
        var crowded = new[] { ("subject_id", subjects.Count), ("assessor_id", assessors.Count) }.Where(f => f.Item2 >= n).ToList();
        if (crowded.Count > 0)
            return MixedModelResult.Failed(n, subjects.Count, assessors.Count,
                $"number of levels of each grouping factor must be < number of observations (problems: {string.Join(", ", crowded.Select(f => f.Item1))})");

        if (rows.All(r => r.Pspi == rows[0].Pspi))
            return MixedModelResult.Failed(n, subjects.Count, assessors.Count, ConstantResponse);

        var design = new DesignMatrix(rows);
        var messages = new List<string>();
        var dropped = DesignMatrix.CoefficientNames.Count - design.Rank;
        if (dropped > 0)
            messages.Add($"fixed-effect model matrix is rank deficient so dropping {dropped} column{(dropped == 1 ? "" : "s")} / coefficient{(dropped == 1 ? "" : "s")}");
        if (n - design.Rank <= 0)
            return MixedModelResult.Failed(n, subjects.Count, assessors.Count, "no residual degrees of freedom");

        // lme4 puts the factor with more levels first; the Schur complement is taken on the smaller one.
        var assessorFirst = assessors.Count > subjects.Count;
        var subjectLevels = rows.Select(r => subjects[r.SubjectId]).ToArray();
        var assessorLevels = rows.Select(r => assessors[r.AssessorId]).ToArray();
        var reml = assessorFirst
            ? new CrossedReml(design.Kept, design.Response, subjectLevels, subjects.Count, assessorLevels, assessors.Count)
            : new CrossedReml(design.Kept, design.Response, assessorLevels, assessors.Count, subjectLevels, subjects.Count);

        var (theta, deviance, evaluations) = ThetaOptimizer.Minimize(reml.Deviance, [1.0, 1.0]);
        var fit = reml.Evaluate(theta[0], theta[1])!;
        var (thetaSubject, thetaAssessor) = assessorFirst ? (theta[0], theta[1]) : (theta[1], theta[0]);

        var isSingular = thetaSubject < SingularTolerance || thetaAssessor < SingularTolerance;
        if (isSingular) messages.Add("boundary (singular) fit: see help('isSingular')");

        var sigma = Math.Sqrt(fit.Sigma2);
        var fixedEffects = FixedEffects(design, fit.Beta, fit.BetaCovariance);
        VarianceComponent Component(string group, double sd) =>
            new(group, Descriptive.Finite(sd * sd), Descriptive.Finite(sd));
        IReadOnlyList<ThetaValue> thetas = assessorFirst
            ? [new("assessor_id", thetaAssessor), new("subject_id", thetaSubject)]
            : [new("subject_id", thetaSubject), new("assessor_id", thetaAssessor)];

        return new MixedModelResult(n, subjects.Count, assessors.Count, isSingular, messages, fixedEffects,
            [Component("subject_id", thetaSubject * sigma), Component("assessor_id", thetaAssessor * sigma), Component("residual", sigma)],
            thetas, Descriptive.Finite(deviance), Descriptive.Finite(-deviance / 2), evaluations, null);
    }

    private static List<FixedEffect> FixedEffects(DesignMatrix design, Vector<double> beta, Matrix<double> covariance)
    {
        var result = new List<FixedEffect>();
        for (var j = 0; j < DesignMatrix.CoefficientNames.Count; j++)
        {
            var name = DesignMatrix.CoefficientNames[j];
            var k = design.KeptColumns.ToList().IndexOf(j);
            if (k < 0) { result.Add(new FixedEffect(name, null, null, null, null)); continue; }
            var se = Descriptive.Finite(Math.Sqrt(covariance[k, k]));
            double? t = se is { } s ? Descriptive.Finite(beta[k] / s) : null;
            result.Add(new FixedEffect(name, beta[k], se, t, t is { } tv ? Distributions.NormalTwoSided(tv) : null));
        }
        return result;
    }

    private static Dictionary<string, int> Levels(IEnumerable<string> ids)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            levels[id] = levels.Count;
        return levels;
    }
}
