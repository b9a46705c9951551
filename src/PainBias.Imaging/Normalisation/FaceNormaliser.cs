using PainBias.Imaging.Decoding;
using PainBias.Imaging.Faces;
using SkiaSharp;

namespace PainBias.Imaging.Normalisation;

/// <summary>
/// Decode → detect exactly one face → refine its keypoints on a crop → align on the eyes → resize → optional greyscale → PNG.
/// Every refusal is an <see cref="ImageRejectedException"/> that names the image's problem.
/// </summary>
public sealed class FaceNormaliser(ImageDecoder decoder, IFaceDetector detector)
{
    /// <summary>Fills whatever the aligned square needs beyond the photo's edge: neutral, and clearly not skin.</summary>
    public static readonly SKColor Background = new(128, 128, 128);

    public NormalisedFace Normalise(byte[] encoded, NormaliseOptions options)
    {
        using var image = decoder.Decode(encoded);
        return Normalise(image.Bitmap, options);
    }

    public async Task<NormalisedFace> NormaliseAsync(Stream encoded, NormaliseOptions options, CancellationToken cancellationToken = default)
    {
        using var image = await decoder.DecodeAsync(encoded, cancellationToken);
        return Normalise(image.Bitmap, options);
    }

    public NormalisedFace Normalise(SKBitmap image, NormaliseOptions options)
    {
        options.Validate();
        var face = FaceRefiner.Refine(detector, image, SingleFace(detector.Detect(image)));
        var transform = FaceAlignment.Transform(face, options.Size, options.Margin);

        using var aligned = new SKBitmap(new SKImageInfo(options.Size, options.Size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(aligned))
        using (var source = SKImage.FromBitmap(image))
        {
            canvas.Clear(Background);
            canvas.SetMatrix(transform);
            canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        using var output = options.Greyscale ? Greyscale.ToGray8(aligned) : null;
        using var png = (output ?? aligned).Encode(SKEncodedImageFormat.Png, 100);
        return new NormalisedFace(png.ToArray(), options.Size, options.Greyscale, face, FaceAlignment.Map(face, transform));
    }

    /// <summary>Study faces must show one person: none or several are the researcher's to fix, not ours to guess.</summary>
    public static FaceDetection SingleFace(IReadOnlyList<FaceDetection> faces) => faces.Count switch
    {
        1 => faces[0],
        0 => throw new ImageRejectedException(
            ImageRejectionReason.NoFace,
            "No face was found. Use a photo in which one face is clearly visible, roughly frontal, and fills a good part of the frame.",
            0),
        var n => throw new ImageRejectedException(
            ImageRejectionReason.SeveralFaces,
            $"{n} faces were found; a study image must show exactly one person. Crop the photo to the one face and upload it again.",
            n),
    };
}
