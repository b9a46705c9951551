using System.Globalization;
using System.Text;

namespace PainBias.Core.Fairness;

/// <summary>The result laid out like the reference study's Table 7, one row per condition, as CSV.</summary>
public static class FairnessTable
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "condition", "train_mse", "train_rmse", "test_mse", "test_rmse", "test_labelled",
        .. Fairness("if_skin"), .. Fairness("if_age"), .. Fairness("if_both"),
        "diff_b_w", "diff_b_w_lower", "diff_b_w_upper", "diff_s_y", "diff_s_y_lower", "diff_s_y_upper",
    ];

    public static string ToCsv(FairnessExperimentResult result)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Columns)).Append('\n');
        foreach (var row in result.Rows)
        {
            IEnumerable<string> cells =
            [
                row.Name, F(row.TrainMse), F(row.TrainRmse), F(row.TestMse), F(row.TestRmse), row.TestLabelled.ToString(CultureInfo.InvariantCulture),
                .. Cells(row.SkinTone), .. Cells(row.Age), .. Cells(row.Both),
                F(row.BlackMinusWhite.Value), F(row.BlackMinusWhite.Lower), F(row.BlackMinusWhite.Upper),
                F(row.SeniorMinusYoung.Value), F(row.SeniorMinusYoung.Lower), F(row.SeniorMinusYoung.Upper),
            ];
            csv.Append(string.Join(',', cells)).Append('\n');
        }

        return csv.ToString();
    }

    private static IEnumerable<string> Fairness(string name) =>
        [name, $"{name}_lower", $"{name}_upper", $"{name}_percent", $"{name}_percent_lower", $"{name}_percent_upper"];

    private static IEnumerable<string> Cells(IndividualFairness f) =>
        [F(f.Value), F(f.Lower), F(f.Upper), F(f.ValuePercent), F(f.LowerPercent), F(f.UpperPercent)];

    /// <summary>Round-trip precision; an undefined value is an empty cell (NA in R).</summary>
    private static string F(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : "";
}
