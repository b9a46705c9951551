using System.Net;
using Microsoft.AspNetCore.Hosting;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PainBias.Data;
using PainBias.Web.Features.Dashboard;
using SkiaSharp;

namespace PainBias.Web.Tests.Dashboard;

/// <summary>The dashboard page, its charts and the results export through the real web host.</summary>
public partial class DashboardHttpTests
{
    private static async Task<(PainBiasWebFactory Factory, HttpClient Client, Guid StudyId)> FixtureHostAsync(DatabaseProvider provider)
    {
        var factory = await PainBiasWebFactory.CreateAsync(provider);
        var (client, ownerId) = await factory.SignInNewResearcherAsync();
        await using var db = await factory.Database.ContextAsync();
        var study = await FixtureStudy.LoadAsync(db, ownerId, "small.csv");
        return (factory, client, study.Id);
    }

    [Fact]
    public async Task The_page_loads_the_components_scoped_styles_that_fit_charts_to_their_cards()
    {
        var (factory, client, studyId) = await FixtureHostAsync(DatabaseProvider.Sqlite);
        await using var _ = factory;
        var html = await client.GetStringAsync($"/studies/{studyId}/dashboard");

        var href = Regex.Match(html, "href=\"([^\"]*PainBias\\.Web\\.[^\"]*styles\\.css)\"").Groups[1].Value;
        Assert.NotEqual("", href);
        // The "Testing" environment leaves static web assets off; a node that serves them, as a real host does.
        await using var node = factory.WithWebHostBuilder(b => b.UseStaticWebAssets());
        var css = await node.CreateClient().GetStringAsync("/" + href.TrimStart('/'));
        Assert.Matches(@"\.chart\[b-[a-z0-9]+\]\s*\{[^}]*width:\s*100%", css);
    }

    [Fact]
    public async Task The_page_lays_out_tables_1_to_4_like_the_reference_study_and_never_shows_NaN()
    {
        var (factory, client, studyId) = await FixtureHostAsync(DatabaseProvider.Sqlite);
        await using var _ = factory;
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/studies/{studyId}/dashboard"));

        using var reference = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Dashboard", "Fixtures", "paper-tables.json")));
        var root = reference.RootElement;
        Assert.Contains("Table 1", html);
        Assert.Contains("Table 2", html);
        Assert.Contains("Table 3", html);
        Assert.Contains("Table 4", html);
        // Tables 1 and 2: a row per platform and sample, the reference's samples in its order.
        var samples = root.GetProperty("table1_race").GetProperty("AMT").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["All", "Female", "Male"], samples);
        foreach (var table in new[] { "table1_race", "table2_age" })
        {
            var columns = root.GetProperty(table).GetProperty("AMT").GetProperty("All").EnumerateObject().Select(p => p.Name).ToList();
            foreach (var column in columns.Where(c => c is not ("n_each" or "stars")))
                Assert.Contains($"<th>{Header(column)}</th>", html);
        }
        var rows = RowStarts().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(samples, rows.Take(3));
        // Table 3: the four cells as the reference ranks them.
        foreach (var cell in root.GetProperty("table3_ranking_all").GetProperty("AMT").EnumerateArray().Select(c => c[0].GetString()!))
            Assert.Contains($"<td>{cell}</td>", html);
        // Table 4: one row per AU of the reference, a column per platform and comparison.
        foreach (var au in root.GetProperty("table4_au_level_t").GetProperty("AMT").GetProperty("WvB").EnumerateObject())
            Assert.Contains($"<td>{au.Name}</td>", html);
        Assert.Contains("<th>MTurk W vs B</th>", html);
        Assert.Contains("<th>MTurk Y vs S</th>", html);
        // The fixture's numbers as R prints them (mean of B-perceived ratings, all faces).
        Assert.Contains("10.550", html);
        Assert.Contains("11.650", html);
        Assert.Contains("WS>WY>BS>BY", html);
        Assert.DoesNotContain("NaN", html);
        Assert.Contains($"/api/studies/{studyId}/export/results.json", html);
        Assert.Contains($"/studies/{studyId}/dashboard", html);
    }

    private static string Header(string referenceKey) => referenceKey switch
    {
        "black" => "Black", "white" => "White", "senior" => "Senior", "young" => "Young", "diff" => "Difference", "se" => "SE",
        _ => referenceKey,
    };

    [Theory]
    [InlineData("condition-means", 4)]
    [InlineData("cell-means", 4)]
    public async Task Bar_charts_come_as_valid_SVG_and_PNG_with_one_bar_per_group_and_their_labels(string chart, int bars)
    {
        var (factory, client, studyId) = await FixtureHostAsync(DatabaseProvider.Sqlite);
        await using var _ = factory;

        var svgResponse = await client.GetAsync($"/api/studies/{studyId}/charts/{chart}.svg?platform=MTurk&sample=Female");
        Assert.Equal(HttpStatusCode.OK, svgResponse.StatusCode);
        Assert.Equal("image/svg+xml", svgResponse.Content.Headers.ContentType!.MediaType);
        var svg = XDocument.Parse(await svgResponse.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", svg.Root!.Name);
        var barRects = svg.Descendants(ns + "rect").Count(r => string.Equals((string?)r.Attribute("fill"), ChartRenderer.BarColor, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(bars, barRects);
        var texts = svg.Descendants(ns + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("Mean PSPI (95% CI)", texts);
        var expectedLabels = chart == "condition-means" ? new[] { "Original (n=18)", "SkinTone (n=18)", "Age (n=18)", "SkinToneAge (n=18)" } : ["WS (n=18)", "WY (n=18)", "BS (n=18)", "BY (n=18)"];
        Assert.All(expectedLabels, label => Assert.Contains(label, texts));
        Assert.Contains(texts, t => t.Contains("MTurk, Female (n = 72)"));

        var png = await client.GetByteArrayAsync($"/api/studies/{studyId}/charts/{chart}.png?platform=MTurk&sample=Female&width=1000&height=600");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((1000, 600), (bitmap.Width, bitmap.Height));
        Assert.Equal(bars, BarRuns(bitmap, SKColor.Parse(ChartRenderer.BarColor)));
    }

    [Fact]
    public async Task Per_face_charts_label_every_face_and_bad_chart_requests_get_a_clear_error()
    {
        var (factory, client, studyId) = await FixtureHostAsync(DatabaseProvider.Sqlite);
        await using var _ = factory;
        var svg = await client.GetStringAsync($"/api/studies/{studyId}/charts/race-by-face.svg?platform=MTurk");
        var texts = XDocument.Parse(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(t => t.Value.Trim()).ToList();
        foreach (var face in Enumerable.Range(1, 10).Select(i => $"S{i:000}"))
            Assert.Contains(face, texts);
        Assert.Contains("PSPI difference B − W (95% CI)", texts);

        var unknown = await client.GetAsync($"/api/studies/{studyId}/charts/pie.svg");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("condition-means", await unknown.Content.ReadAsStringAsync());
        var badFormat = await client.GetAsync($"/api/studies/{studyId}/charts/cell-means.gif?sample=Everyone");
        var problem = await badFormat.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Contains("svg or png", problem);
        Assert.Contains("Everyone", problem);
        var noPlatform = await client.GetAsync($"/api/studies/{studyId}/charts/cell-means.svg?platform=Credamo");
        Assert.Equal(HttpStatusCode.NotFound, noPlatform.StatusCode);
        Assert.Contains("Platforms with ratings: MTurk", await noPlatform.Content.ReadAsStringAsync());

        var (stranger, _) = await factory.SignInNewResearcherAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/studies/{studyId}/charts/cell-means.svg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/studies/{studyId}/export/results.json")).StatusCode);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Results_JSON_has_the_fixture_layout_R_numbers_and_the_md5_of_the_ratings_export(DatabaseProvider provider)
    {
        var (factory, client, studyId) = await FixtureHostAsync(provider);
        await using var _ = factory;
        var response = await client.GetAsync($"/api/studies/{studyId}/export/results.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("attachment", $"painbias-results-{studyId}.json"),
            (response.Content.Headers.ContentDisposition?.DispositionType, response.Content.Headers.ContentDisposition?.FileName?.Trim('"')));
        using var results = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var csv = await client.GetByteArrayAsync($"/api/studies/{studyId}/export/ratings.csv");
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(FixtureStudy.Folder, "small.expected.json")));

        var root = results.RootElement;
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(csv)), root.GetProperty("source_md5").GetString());
        Assert.Equal(120, root.GetProperty("n_rows").GetInt32());
        Assert.Equal(["MTurk"], root.GetProperty("platforms").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(
            expected.RootElement.GetProperty("conventions").EnumerateObject().Select(p => p.Name),
            root.GetProperty("conventions").EnumerateObject().Select(p => p.Name));
        var mine = root.GetProperty("results").GetProperty("MTurk");
        var theirs = expected.RootElement.GetProperty("results").GetProperty("AMT");
        foreach (var sample in new[] { "All", "Female", "Male" })
        {
            Assert.Equal(theirs.GetProperty(sample).EnumerateObject().Select(p => p.Name), mine.GetProperty(sample).EnumerateObject().Select(p => p.Name));
            foreach (var path in new[] { "race_bias.welch.t", "age_bias.welch.se_diff", "ols.coefficients_iid.perceived_raceB.estimate" })
            {
                var e = Walk(theirs.GetProperty(sample), path);
                if (e is null)
                    continue;
                var a = Walk(mine.GetProperty(sample), path);
                Assert.NotNull(a);
                Assert.Equal(e.Value.GetDouble(), a.Value.GetDouble(), 1e-9 * Math.Abs(e.Value.GetDouble()) + 1e-12);
            }
        }
    }

    private static JsonElement? Walk(JsonElement element, string path)
    {
        foreach (var key in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(key, out element))
                return null;
        }
        return element;
    }

    /// <summary>
    /// Separate runs of the bar colour on the pixel row that has the most of it: a row low enough to cross every bar and
    /// below the error bars (whose lines would split a bar), so the number of bars side by side.
    /// </summary>
    private static int BarRuns(SKBitmap bitmap, SKColor bar)
    {
        static bool Close(SKColor a, SKColor b) => Math.Abs(a.Red - b.Red) + Math.Abs(a.Green - b.Green) + Math.Abs(a.Blue - b.Blue) < 24;
        var (bestPixels, bestRuns) = (0, 0);
        for (var y = 0; y < bitmap.Height; y++)
        {
            var (pixels, runs, inside) = (0, 0, false);
            for (var x = 0; x < bitmap.Width; x++)
            {
                var on = Close(bitmap.GetPixel(x, y), bar);
                if (on)
                    pixels++;
                if (on && !inside)
                    runs++;
                inside = on;
            }
            if (pixels > bestPixels)
                (bestPixels, bestRuns) = (pixels, runs);
        }
        return bestRuns;
    }

    [GeneratedRegex("<tr><td>MTurk</td>\\s*<td>(All|Female|Male)</td>")]
    private static partial Regex RowStarts();
}
