using System.Text;

namespace PainBias.Crowd.Credamo;

public static class CompletionCodeText
{
    /// <summary>
    /// A code as typed on a phone: full-width letters (Chinese IME) folded, spaces dropped, upper case. Our codes
    /// avoid look-alike characters, so nothing else needs guessing.
    /// </summary>
    public static string Normalise(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
            return "";
        var folded = raw.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }
}
