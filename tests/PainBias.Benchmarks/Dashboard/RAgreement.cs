using System.Text.Json;
using PainBias.Core.Domain;
using PainBias.Core.Statistics;
using PainBias.Web.Features.Dashboard;

namespace PainBias.Benchmarks.Dashboard;

/// <summary>
/// Our dashboard's Tables 1–4 and paired tests against R's output for the same ratings (dashboard.R, in the fixture
/// layout): every number to 1e-9 relative (1e-12 absolute near zero), undefined exactly where R's is null.
/// </summary>
public sealed record RAgreement(double ReadMs, double ComputeMs, int Compared, IReadOnlyList<string> Mismatches)
{
    public static RAgreement Compare(DashboardView view, string rJson)
    {
        using var document = JsonDocument.Parse(rJson);
        var root = document.RootElement;
        var mismatches = new List<string>();
        var compared = 0;

        void Number(JsonElement r, string key, double? ours, string what)
        {
            compared++;
            var theirs = r.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : (double?)null;
            if (theirs is null || ours is null)
            {
                if (theirs is not null || ours is not null)
                    mismatches.Add($"{what} {key}: R {theirs?.ToString("R") ?? "null"}, ours {ours?.ToString("R") ?? "undefined"}");
                return;
            }
            if (Math.Abs(theirs.Value - ours.Value) > Math.Max(1e-12, 1e-9 * Math.Abs(theirs.Value)))
                mismatches.Add($"{what} {key}: R {theirs.Value:R}, ours {ours.Value:R}");
        }

        void Test(JsonElement r, TTestResult t, string what, string se)
        {
            foreach (var (key, value) in new[] { ("t", t.T), ("df", t.Df), ("p_two_sided", t.PTwoSided), (se, t.StandardError) })
                Number(r, key, value, what);
        }

        void Comparison(JsonElement r, BiasComparison c, string x, string y, string what)
        {
            Number(r, $"n_{x}", c.X.N, what);
            Number(r, $"n_{y}", c.Y.N, what);
            Number(r, $"mean_{x}", c.X.Mean, what);
            Number(r, $"mean_{y}", c.Y.Mean, what);
            Number(r, $"sd_{x}", c.X.Sd, what);
            Number(r, $"sd_{y}", c.Y.Sd, what);
            Number(r, $"diff_{x}_minus_{y}", c.Difference, what);
            Test(r.GetProperty("welch"), c.Welch, what + " welch", "se_diff");
            Number(r.GetProperty("welch"), "ci95_low", c.Welch.Ci95Low, what + " welch");
            Number(r.GetProperty("welch"), "ci95_high", c.Welch.Ci95High, what + " welch");
            Test(r.GetProperty("pooled"), c.Pooled, what + " pooled", "se_diff");
        }

        void Paired(JsonElement r, PairedComparison p, string what)
        {
            Number(r, "n_pairs", p.NPairs, what);
            Number(r, $"mean_{p.LabelA}", p.MeanA, what);
            Number(r, $"mean_{p.LabelB}", p.MeanB, what);
            Number(r, "mean_diff", p.MeanDiff, what);
            Number(r, "sd_diff", p.SdDiff, what);
            Test(r, p.Test, what, "se");
        }

        var results = root.GetProperty("results");
        var rPlatforms = results.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        var ourPlatforms = view.Platforms.Select(p => p.Platform).Order(StringComparer.Ordinal).ToList();
        if (!rPlatforms.SequenceEqual(ourPlatforms))
            mismatches.Add($"platforms: R {string.Join(",", rPlatforms)}, ours {string.Join(",", ourPlatforms)}");
        foreach (var platform in view.Platforms.Where(p => results.TryGetProperty(p.Platform, out _)))
            foreach (var s in platform.Samples)
            {
                var r = results.GetProperty(platform.Platform).GetProperty(s.Sample.ToString());
                var what = $"{platform.Platform} {s.Sample}";
                Number(r, "n_ratings", s.NRatings, what);
                Number(r, "n_subjects", s.NFaces, what);
                Comparison(r.GetProperty("race_bias"), s.Race, "B", "W", what + " race");
                Comparison(r.GetProperty("age_bias"), s.Age, "S", "Y", what + " age");

                var cells = r.GetProperty("cell_ranking");
                compared++;
                if (cells.GetProperty("ranking_string").GetString() != s.Cells.RankingString)
                    mismatches.Add($"{what} ranking: R {cells.GetProperty("ranking_string").GetString()}, ours {s.Cells.RankingString}");
                foreach (var cell in s.Cells.Cells)
                {
                    var rc = cells.GetProperty("cells").GetProperty(cell.Cell);
                    Number(rc, "n", cell.N, $"{what} cell {cell.Cell}");
                    Number(rc, "mean", cell.Mean, $"{what} cell {cell.Cell}");
                    Number(rc, "sd", cell.Sd, $"{what} cell {cell.Cell}");
                }

                foreach (var (group, tests) in new[] { ("race", s.AuTests.Race), ("age", s.AuTests.Age) })
                    foreach (var test in tests)
                    {
                        var ra = r.GetProperty("au_tests").GetProperty(group).GetProperty(test.Au.FieldName());
                        var label = $"{what} AU {group} {test.Au}";
                        Number(ra, "mean_x", test.X.Mean, label);
                        Number(ra, "mean_y", test.Y.Mean, label);
                        Number(ra, "diff_x_minus_y", test.Difference, label);
                        Test(ra, test.Welch, label, "se_diff");
                        Number(ra, "p_greater", test.Welch.PGreater, label);
                        Number(ra, "p_less", test.Welch.PLess, label);
                    }

                var paired = r.GetProperty("paired");
                Paired(paired.GetProperty("race").GetProperty("subject_level"), s.Paired.RaceSubjectLevel, $"{what} paired race subject");
                Paired(paired.GetProperty("race").GetProperty("original_vs_skin"), s.Paired.RaceOriginalVsSkin, $"{what} paired race original/skin");
                Paired(paired.GetProperty("race").GetProperty("age_vs_skin_age"), s.Paired.RaceAgeVsSkinAge, $"{what} paired race age/skin_age");
                Paired(paired.GetProperty("age").GetProperty("subject_level"), s.Paired.AgeSubjectLevel, $"{what} paired age subject");
                Paired(paired.GetProperty("age").GetProperty("original_vs_age"), s.Paired.AgeOriginalVsAge, $"{what} paired age original/age");
                Paired(paired.GetProperty("age").GetProperty("skin_vs_skin_age"), s.Paired.AgeSkinVsSkinAge, $"{what} paired age skin/skin_age");
            }
        return new RAgreement(root.GetProperty("read_ms").GetDouble(), root.GetProperty("compute_ms").GetDouble(), compared, mismatches);
    }
}
