using System.Globalization;
using PainBias.Core.Domain;

namespace PainBias.Crowd.Simulation;

/// <summary>How a bot reads the questions it is shown: by their field names, legends and option labels.</summary>
internal static class BotAnswers
{
    public static void AddRating(Dictionary<string, string> answers, AuRating rating)
    {
        answers["Form.Au4"] = Text(rating.Au4);
        answers["Form.Au6"] = Text(rating.Au6);
        answers["Form.Au7"] = Text(rating.Au7);
        answers["Form.Au9"] = Text(rating.Au9);
        answers["Form.Au10"] = Text(rating.Au10);
        answers["Form.Au43"] = Text(rating.Au43);
    }

    /// <summary>
    /// An instructed-response item names the option to pick in its own question ("select 'slightly'"): the option
    /// whose label the legend quotes. Null when no option is quoted.
    /// </summary>
    public static string? Instructed(Choice choice)
    {
        var quoted = choice.Options.Where(o => o.Label.Length > 0 && choice.Legend.Contains(o.Label, StringComparison.OrdinalIgnoreCase)).ToList();
        return quoted.Count == 1 ? quoted[0].Value : null;
    }

    /// <summary>The option whose label shares the most words (or, for Chinese, characters) with the question.</summary>
    public static string BestMatch(Choice choice)
    {
        var question = Tokens(choice.Legend);
        return choice.Options.OrderByDescending(o => Tokens(o.Label).Count(question.Contains)).First().Value;
    }

    public static string Any(Choice choice, Random random) => choice.Options[random.Next(choice.Options.Count)].Value;

    public static string Other(Choice choice, string avoid, Random random)
    {
        var others = choice.Options.Where(o => o.Value != avoid).ToList();
        return others.Count == 0 ? avoid : others[random.Next(others.Count)].Value;
    }

    private static HashSet<string> Tokens(string text)
    {
        var tokens = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var word = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c) && c < 0x2E80)
            {
                word.Append(c);
                continue;
            }
            Flush();
            if (c >= 0x2E80 && char.IsLetter(c))
                tokens.Add(c.ToString());
        }
        Flush();
        return tokens;

        void Flush()
        {
            // Short words ("the", "are") match everything; only words of four letters or more count.
            if (word.Length >= 4)
                tokens.Add(word.ToString());
            word.Clear();
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
