using System.Xml.Linq;
using PainBias.Crowd.MTurk;

namespace PainBias.Crowd.Tests.MTurk;

public sealed class ExternalQuestionTests
{
    private static readonly XNamespace Ns = ExternalQuestion.SchemaNamespace;

    [Fact]
    public void Xml_follows_the_schema_and_parses_back()
    {
        var question = new ExternalQuestion(new Uri("https://painbias.example.org/task/mturk?study=7&batch=3"), 640);

        var xml = question.ToXml();
        var root = XDocument.Parse(xml).Root!;

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", xml);
        Assert.Equal(Ns + "ExternalQuestion", root.Name);
        Assert.Equal(["ExternalURL", "FrameHeight"], root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("https://painbias.example.org/task/mturk?study=7&batch=3", root.Element(Ns + "ExternalURL")!.Value);
        Assert.Contains("&amp;batch=3", xml);
        Assert.Equal("640", root.Element(Ns + "FrameHeight")!.Value);
        Assert.Equal(question, ExternalQuestion.Parse(xml));
    }

    [Fact]
    public void Frame_height_zero_means_full_window_and_is_allowed()
    {
        Assert.Equal(0, ExternalQuestion.Parse(new ExternalQuestion(new Uri("https://x.example/t"), 0).ToXml()).FrameHeight);
    }

    [Theory]
    [InlineData("http://painbias.example.org/task")]
    [InlineData("ftp://painbias.example.org/task")]
    public void Non_https_urls_are_refused(string url)
    {
        Assert.Throws<ArgumentException>(() => new ExternalQuestion(new Uri(url), 600));
    }

    [Fact]
    public void Negative_frame_height_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExternalQuestion(new Uri("https://x.example/t"), -1));
    }

    [Theory]
    [InlineData("<ExternalQuestion xmlns=\"http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2006-07-14/ExternalQuestion.xsd\"><ExternalURL>http://x.example/t</ExternalURL><FrameHeight>600</FrameHeight></ExternalQuestion>")]
    [InlineData("<ExternalQuestion><ExternalURL>https://x.example/t</ExternalURL><FrameHeight>600</FrameHeight></ExternalQuestion>")]
    [InlineData("<ExternalQuestion xmlns=\"http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2006-07-14/ExternalQuestion.xsd\"><ExternalURL>https://x.example/t</ExternalURL><FrameHeight>-5</FrameHeight></ExternalQuestion>")]
    [InlineData("<ExternalQuestion xmlns=\"http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2006-07-14/ExternalQuestion.xsd\"><ExternalURL>https://x.example/t</ExternalURL></ExternalQuestion>")]
    [InlineData("<ExternalQuestion")]
    public void Parse_refuses_questions_mturk_would_refuse(string xml)
    {
        Assert.Throws<FormatException>(() => ExternalQuestion.Parse(xml));
    }
}
