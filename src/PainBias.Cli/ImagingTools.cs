using System.CommandLine;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using PainBias.Imaging.Quality;
using SkiaSharp;

namespace PainBias.Cli;

/// <summary>
/// The imaging pieces the image verbs share, built on first use so that <c>analyze</c> and <c>simulate</c>
/// never load ONNX Runtime. One detector session per process, as a host would hold it.
/// </summary>
internal static class ImagingTools
{
    private static readonly Lazy<OnnxSessionFactory> SharedSessions = new(() => new OnnxSessionFactory());
    private static readonly Lazy<BlazeFaceDetector> SharedDetector = new(() => new BlazeFaceDetector(SharedSessions.Value));

    /// <summary>The process's ONNX device, chosen once (CUDA when its runtime loads, else CPU).</summary>
    public static OnnxSessionFactory Sessions => SharedSessions.Value;

    public static ImageDecoder Decoder { get; } = new();

    public static IFaceDetector Detector => SharedDetector.Value;

    public static FaceNormaliser Normaliser => new(Decoder, Detector);

    public static SkinToneEditor Editor { get; } = new();

    public static PairCheck PairCheck => new(Decoder, Detector);

    /// <summary>The file's bytes; a missing or unreadable file is bad input, not a crash.</summary>
    public static byte[] Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw CliException.BadInput($"{path}: {e.Message}");
        }
    }

    /// <summary>Runs image work, turning the decoder's and normaliser's refusals into bad-input errors that name the file.</summary>
    public static T Guard<T>(string path, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (ImageRejectedException e)
        {
            throw CliException.BadInput($"{path}: {e.Message}");
        }
        catch (ArgumentException e)
        {
            throw CliException.BadInput($"{path}: {e.Message}");
        }
    }

    public static void WritePng(string path, SKBitmap bitmap, bool greyscale)
    {
        using var grey = greyscale && bitmap.ColorType != SKColorType.Gray8 ? Greyscale.ToGray8(bitmap) : null;
        using var png = (grey ?? bitmap).Encode(SKEncodedImageFormat.Png, 100);
        WriteFile(path, png.ToArray());
    }

    public static void WriteFile(string path, byte[] bytes) => AtomicFile.Write(path, stream => stream.Write(bytes));

    public static Option<int> SizeOption() => new("--size")
    {
        Description = $"Side of the square output in pixels ({NormaliseOptions.MinSize}–{NormaliseOptions.MaxSize}).",
        DefaultValueFactory = _ => 512,
        Validators =
        {
            r =>
            {
                var v = r.GetValueOrDefault<int>();
                if (v is < NormaliseOptions.MinSize or > NormaliseOptions.MaxSize)
                {
                    r.AddError($"--size must be between {NormaliseOptions.MinSize} and {NormaliseOptions.MaxSize}.");
                }
            },
        },
    };

    public static Option<bool> GreyscaleOption() => new("--greyscale")
    {
        Description = "Convert to greyscale (Rec. 601 luma), as the reference study showed its faces.",
    };

    public static Option<string> OutOption() => new("--out", "-o")
    {
        Description = "Write the PNG here (replaced only when the work succeeds).",
        Required = true,
    };
}
