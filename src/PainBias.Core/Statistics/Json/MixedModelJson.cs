using System.Text.Json;

namespace PainBias.Core.Statistics.Json;

internal static class MixedModelJson
{
    public static void Write(Utf8JsonWriter w, MixedModelResult m)
    {
        w.WriteStartObject();
        w.WriteBoolean("available", true);
        if (m.Error is not null)
        {
            w.WriteString("error", m.Error);
            w.WriteEndObject();
            return;
        }
        w.WriteString("formula", MixedModelResult.Formula);
        w.WriteBoolean("REML", true);
        w.WriteString("optimizer", "nelder_mead_newton");
        w.WriteString("optimizer_control", MixedModelResult.Optimizer);
        w.WriteNumber("n", m.N);
        w.WriteNumber("n_subject", m.NSubject);
        w.WriteNumber("n_assessor", m.NAssessor);
        w.WriteBoolean("is_singular", m.IsSingular);
        w.WriteStartArray("messages");
        foreach (var message in m.Messages) w.WriteStringValue(message);
        w.WriteEndArray();
        w.WriteStartObject("fixed");
        foreach (var f in m.Fixed)
        {
            w.WriteStartObject(f.Name);
            w.Number("estimate", f.Estimate);
            w.Number("se", f.Se);
            w.Number("t", f.T);
            w.Number("p_normal", f.PNormal);
            w.WriteString("stars", Significance.Stars(f.PNormal));
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("variance_components");
        foreach (var v in m.VarianceComponents)
        {
            w.WriteStartObject(v.Group);
            w.Number("variance", v.Variance);
            w.Number("sd", v.Sd);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartObject("theta");
        foreach (var t in m.Theta) w.WriteNumber(t.Group, t.Value);
        w.WriteEndObject();
        w.Number("reml_criterion", m.RemlCriterion);
        w.Number("logLik_REML", m.LogLikReml);
        w.WriteNumber("evaluations", m.Evaluations);
        w.WriteNull("error");
        w.WriteEndObject();
    }
}
