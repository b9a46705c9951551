using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace PainBias.Crowd.MTurk;

/// <summary>
/// The ExternalQuestion that frames the PainBias task inside MTurk. MTurk only frames HTTPS pages and appends
/// assignmentId, hitId, workerId and turkSubmitTo to the URL itself.
/// </summary>
public sealed record ExternalQuestion
{
    public const string SchemaNamespace =
        "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2006-07-14/ExternalQuestion.xsd";

    private static readonly XNamespace Ns = SchemaNamespace;

    public ExternalQuestion(Uri externalUrl, int frameHeight)
    {
        ArgumentNullException.ThrowIfNull(externalUrl);
        if (!externalUrl.IsAbsoluteUri || externalUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("MTurk frames only absolute HTTPS URLs.", nameof(externalUrl));
        }

        // 0 asks MTurk for the full window height.
        ArgumentOutOfRangeException.ThrowIfNegative(frameHeight);
        ExternalUrl = externalUrl;
        FrameHeight = frameHeight;
    }

    public Uri ExternalUrl { get; }

    public int FrameHeight { get; }

    public string ToXml()
    {
        var root = new XElement(Ns + "ExternalQuestion",
            new XElement(Ns + "ExternalURL", ExternalUrl.AbsoluteUri),
            new XElement(Ns + "FrameHeight", FrameHeight.ToString(CultureInfo.InvariantCulture)));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Reads Question XML back, applying the same rules as the constructor.</summary>
    public static ExternalQuestion Parse(string xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (XmlException e)
        {
            throw new FormatException("Question is not well-formed XML.", e);
        }

        var root = document.Root;
        if (root is null || root.Name != Ns + "ExternalQuestion")
        {
            throw new FormatException($"Question root must be ExternalQuestion in namespace {SchemaNamespace}.");
        }

        var url = root.Element(Ns + "ExternalURL")?.Value.Trim();
        var height = root.Element(Ns + "FrameHeight")?.Value.Trim();
        if (url is null || height is null || root.Elements().Count() != 2)
        {
            throw new FormatException("ExternalQuestion must hold exactly ExternalURL and FrameHeight.");
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) ||
            !int.TryParse(height, NumberStyles.None, CultureInfo.InvariantCulture, out var frameHeight))
        {
            throw new FormatException("ExternalURL must be an absolute URL and FrameHeight a non-negative integer.");
        }

        try
        {
            return new ExternalQuestion(uri, frameHeight);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }
}
