using System.Text.Json;

namespace PainBias.Core.Statistics.Json;

internal static class OlsJson
{
    public static void Write(Utf8JsonWriter w, OlsResult ols)
    {
        w.WriteStartObject();
        if (ols.Error is not null)
        {
            w.WriteString("error", ols.Error);
            w.WriteEndObject();
            return;
        }
        w.WriteString("formula", OlsResult.Formula);
        w.WriteNumber("n", ols.N);
        w.WriteNumber("k", ols.K);
        w.WriteNumber("df_residual", ols.DfResidual);
        w.Number("sigma", ols.Sigma);
        w.Number("r_squared", ols.RSquared);
        w.WriteStartObject("iid");
        foreach (var c in ols.Iid)
        {
            w.WriteStartObject(c.Name);
            w.Number("estimate", c.Estimate);
            w.Number("se", c.Se);
            w.Number("t", c.T);
            w.Number("p", c.P);
            w.WriteString("stars", Significance.Stars(c.P));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        WriteCluster(w, "cluster_assessor", ols.ClusterAssessor!);
        WriteCluster(w, "cluster_subject", ols.ClusterSubject!);
        w.WriteEndObject();
    }

    private static void WriteCluster(Utf8JsonWriter w, string name, ClusterRobustResult c)
    {
        w.WriteStartObject(name);
        w.WriteNumber("n_clusters", c.NClusters);
        if (c.Vcov is null)
        {
            w.StringOrNull("error", c.Error);
            w.WriteEndObject();
            return;
        }
        w.Number("small_sample_factor", c.SmallSampleFactor);
        w.WriteStartObject("coefficients");
        foreach (var k in c.Coefficients)
        {
            w.WriteStartObject(k.Name);
            w.Number("estimate", k.Estimate);
            w.Number("se", k.Se);
            w.Number("t", k.T);
            w.Number("p", k.P);
            w.Number("p_normal", k.PNormal);
            w.Number("p_t_G_minus_1", k.PTGMinus1);
            w.WriteString("stars", Significance.Stars(k.P));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("vcov");
        for (var r = 0; r < c.VcovNames.Count; r++)
        {
            w.WriteStartObject(c.VcovNames[r]);
            for (var col = 0; col < c.VcovNames.Count; col++)
                w.Number(c.VcovNames[col], c.Vcov[r, col]);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.StringOrNull("error", c.Error);
        w.WriteEndObject();
    }
}
