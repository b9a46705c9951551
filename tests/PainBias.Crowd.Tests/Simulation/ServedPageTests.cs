using PainBias.Crowd.Simulation;

namespace PainBias.Crowd.Tests.Simulation;

public sealed class ServedPageTests
{
    // The shape of a served rating page, with a honeypot text field and a question no person can see.
    private const string Html = """
        <html><body>
        <form method="post">
          <input type="hidden" name="_handler" value="task" />
          <input type="hidden" name="Form.Step" value="Rating" />
          <input type="hidden" name="Form.VariantId" value="0b7c6a4e-6a55-4a8e-9d0e-2d4d8b0b9c11" />
          <div style="display: none"><input type="text" name="Form.Website" value="" /></div>
          <fieldset><legend>To show that you are reading carefully, select 'slightly' for this question.</legend>
            <label for="a1"><input type="radio" id="a1" name="Form.Attention" value="not-at-all" /> not at all</label>
            <label for="a2"><input type="radio" id="a2" name="Form.Attention" value="slightly" /> slightly</label>
            <label for="a3"><input type="radio" id="a3" name="Form.Attention" value="very" /> very much</label>
          </fieldset>
          <fieldset hidden><legend>Trap</legend><label><input type="radio" name="Form.Trap" value="x" /> x</label></fieldset>
          <fieldset><legend>Which movement means that the eyes are closed?</legend>
            <label><input type="radio" name="Form.Comprehension" value="Au4" /> AU4 · Brow lowerer</label>
            <label><input type="radio" name="Form.Comprehension" value="Au43" /> AU43 · Eyes closed</label>
          </fieldset>
          <img class="task-face" src="/task/s/1/image" />
          <button type="submit" name="Form.Consent" value="yes">Agree</button>
        </form></body></html>
        """;

    [Fact]
    public void A_page_is_read_as_a_person_sees_it()
    {
        var page = ServedPage.Parse(Html);

        Assert.Equal("Rating", page.Step);
        Assert.Equal("/task/s/1/image", page.FaceImage);
        Assert.Equal(["Form.Attention", "Form.Comprehension"], page.Choices.Keys.Order());
        Assert.Equal("slightly", BotAnswers.Instructed(page.Choices["Form.Attention"]));
        Assert.Equal("Au43", BotAnswers.BestMatch(page.Choices["Form.Comprehension"]));
    }

    [Fact]
    public void A_submission_sends_served_fields_as_served_and_never_answers_a_hidden_question()
    {
        var page = ServedPage.Parse(Html);
        var body = page.Submission(new Dictionary<string, string> { ["Form.Attention"] = "slightly" }, "Form.Consent", "yes")
            .ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal("task", body["_handler"]);
        Assert.Equal("", body["Form.Website"]);
        Assert.Equal("slightly", body["Form.Attention"]);
        Assert.Equal("yes", body["Form.Consent"]);
        Assert.False(body.ContainsKey("Form.Trap"));
        var error = Assert.Throws<InvalidOperationException>(() => page.Submission(new Dictionary<string, string> { ["Form.Trap"] = "x" }));
        Assert.Contains("no visible option", error.Message);
    }
}
