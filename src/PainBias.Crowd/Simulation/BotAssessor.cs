using System.Net;
using PainBias.Core.Domain;
using PainBias.Core.Simulation;

namespace PainBias.Crowd.Simulation;

/// <summary>
/// One simulated assessor going through the task over HTTP as a browser without scripts does: opens its link, follows
/// redirects, reads each served page and posts its form back with its answers. Its AU answers come from the crowd
/// model, with its own random effect and the face's.
/// </summary>
public sealed class BotAssessor(HttpClient client, IBotPerception perception, BotCrowdOptions options, FaceEffects faces, int index)
{
    // A visit never needs more pages than this (consent, instructions, a few screening faces, four ratings).
    private const int MaxPages = 40;

    private readonly Random random = new(BotSeed(options.Seed, index));
    private int ratings;
    private int attentionFailures;

    public bool Speeder { get; private set; }

    public async Task<BotVisit> VisitAsync(string link, CancellationToken cancellationToken)
    {
        // Drawn first, in a fixed order, so the same seed gives the same bot whatever the server does.
        Speeder = random.NextDouble() < options.SpeederShare;
        var assessorEffect = RatingDraw.Normal(random) * options.Model.AssessorSd;
        try
        {
            var (page, url) = await ReadAsync(await client.GetAsync(link, cancellationToken), cancellationToken);
            string? lastStep = null;
            var repeats = 0;
            for (var n = 0; n < MaxPages; n++)
            {
                if (page is null)
                    return Fail(url);
                switch (page.Step)
                {
                    case "Completed": return Done(BotOutcome.Completed);
                    case "ScreeningFailed": return Done(BotOutcome.ScreenedOut);
                    case "Declined": return Done(BotOutcome.Declined);
                    case "StudyFull": return Done(BotOutcome.StudyFull);
                    case null: return Fail("no-task-form");
                }
                // The same step three times in a row without progress: the server keeps refusing what the bot posts.
                var marker = page.Step + page.Field("Form.ScreeningItem") + page.Field("Form.VariantId");
                repeats = marker == lastStep ? repeats + 1 : 0;
                if (repeats >= 3)
                    return Fail("stuck");
                lastStep = marker;

                var body = await AnswerAsync(page, new Uri(url), assessorEffect, cancellationToken);
                var wasRating = page.Step == "Rating";
                var response = await client.PostAsync(url, new FormUrlEncodedContent(body), cancellationToken);
                if (wasRating && response.IsSuccessStatusCode)
                    ratings++;
                if (response.StatusCode == HttpStatusCode.BadRequest)
                    return Fail("form-refused");
                (page, url) = await ReadAsync(response, cancellationToken);
            }
            return Fail("too-many-pages");
        }
        catch (BotFailure failure)
        {
            return Fail(failure.Kind);
        }
        catch (HttpRequestException)
        {
            return Fail("network");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail("timeout");
        }
    }

    private async Task<(ServedPage? Page, string Url)> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var url = response.RequestMessage?.RequestUri?.ToString() ?? "";
        if (!response.IsSuccessStatusCode)
            return (null, $"http-{(int)response.StatusCode}");
        return (ServedPage.Parse(await response.Content.ReadAsStringAsync(cancellationToken)), url);
    }

    private async Task<IReadOnlyList<KeyValuePair<string, string>>> AnswerAsync(ServedPage page, Uri url, double assessorEffect, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (page.Step)
        {
            case "Consent":
                return page.Submission(answers, "Form.Consent", "yes");
            case "Screening":
                if (!Guid.TryParse(page.Field("Form.ScreeningItem"), out var item) || perception.Gold(item) is not { } gold)
                    throw new BotFailure("unknown-screening-face");
                await LookAtAsync(page, url, cancellationToken);
                // A careful assessor sees what the expert saw; a speeder answers without looking.
                BotAnswers.AddRating(answers, Speeder ? RatingDraw.Random(random) : gold);
                if (page.Choices.TryGetValue("Form.Comprehension", out var comprehension))
                    answers[comprehension.Name] = Speeder ? BotAnswers.Any(comprehension, random) : BotAnswers.BestMatch(comprehension);
                break;
            case "Rating":
                if (!Guid.TryParse(page.Field("Form.VariantId"), out var variant) || perception.Face(variant) is not { } face)
                    throw new BotFailure("unknown-variant");
                await LookAtAsync(page, url, cancellationToken);
                AnswerRating(page, face, assessorEffect, answers);
                if (!Speeder && options.RatingTime > TimeSpan.Zero)
                    await Task.Delay(options.RatingTime, cancellationToken);
                break;
        }
        // Any other visible question gets an answer too: the form requires every one.
        foreach (var choice in page.Choices.Values.Where(c => !answers.ContainsKey(c.Name)))
            answers[choice.Name] = BotAnswers.Any(choice, random);
        return page.Submission(answers);
    }

    private void AnswerRating(ServedPage page, SeenFace face, double assessorEffect, Dictionary<string, string> answers)
    {
        var inattentive = !Speeder && random.NextDouble() < options.AttentionFailureShare;
        var rating = Speeder ? RatingDraw.Random(random)
            : inattentive ? RatingDraw.StraightLine(random)
            : RatingDraw.Model(random, options.Model, face.Race, face.Age, faces.Of(face.FaceKey) + assessorEffect);
        BotAnswers.AddRating(answers, rating);
        foreach (var choice in page.Choices.Values)
        {
            if (BotAnswers.Instructed(choice) is { } instructed)
            {
                // Whoever does not read the question misses the instructed answer.
                answers[choice.Name] = Speeder || inattentive ? BotAnswers.Other(choice, instructed, random) : instructed;
                if (inattentive)
                    attentionFailures++;
            }
        }
        if (page.Choices.TryGetValue("Form.PerceivedRace", out var race))
            answers[race.Name] = Check(race, face.Race.ToString());
        if (page.Choices.TryGetValue("Form.PerceivedAge", out var age))
            answers[age.Name] = Check(age, face.Age.ToString());
        if (page.Choices.TryGetValue("Form.LooksEdited", out var edited))
        {
            var notice = face.Edited ? options.EditedNoticeRate : options.EditedNoticeRate / 10;
            answers[edited.Name] = random.NextDouble() < notice ? "yes" : "no";
        }
    }

    // The manipulation check: right with the configured accuracy, otherwise the other option; speeders guess.
    private string Check(Choice choice, string truth) =>
        Speeder ? BotAnswers.Any(choice, random)
        : random.NextDouble() < options.ManipulationCheckAccuracy ? truth : BotAnswers.Other(choice, truth, random);

    // A browser loads the image it shows; a missing image is an error the crowd reports.
    private async Task LookAtAsync(ServedPage page, Uri url, CancellationToken cancellationToken)
    {
        if (page.FaceImage is not { } src)
            throw new BotFailure("no-image");
        using var image = await client.GetAsync(new Uri(url, src), cancellationToken);
        if (!image.IsSuccessStatusCode)
            throw new BotFailure($"image-http-{(int)image.StatusCode}");
    }

    private BotVisit Done(BotOutcome outcome) => new(outcome, ratings, Speeder, attentionFailures);

    private BotVisit Fail(string error) => new(BotOutcome.Error, ratings, Speeder, attentionFailures, error);

    private sealed class BotFailure(string kind) : Exception(kind)
    {
        public string Kind => Message;
    }

    // SplitMix64 of the crowd seed and the bot's index: neighbouring bots get unrelated streams (seeds that differ by a
    // constant step give correlated first draws from System.Random).
    private static int BotSeed(int seed, int index)
    {
        var z = unchecked(((ulong)(uint)seed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return (int)(z ^ (z >> 31));
    }
}
