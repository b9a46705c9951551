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
        using var aligned = Align(image, face, options.Size, options.Margin);
        using var output = options.Greyscale ? Greyscale.ToGray8(aligned) : null;
        using var png = (output ?? aligned).Encode(SKEncodedImageFormat.Png, 100);
        return new NormalisedFace(png.ToArray(), options.Size, options.Greyscale, face, FaceAlignment.Map(face, transform));
    }

    /// <summary>The photo aligned on an already found face: RGBA, <paramref name="size"/> square, the background beyond its edges.</summary>
    public static SKBitmap Align(SKBitmap image, FaceDetection face, int size, float margin)
    {
        var aligned = new SKBitmap(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(aligned);
        using var source = SKImage.FromBitmap(image);
        canvas.Clear(Background);
        canvas.SetMatrix(FaceAlignment.Transform(face, size, margin));
        canvas.DrawImage(source, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return aligned;
    }

    /// <summary>
    /// An editor's output, made on the face aligned with the editor's own margin and resized to the study's size, put
    /// into the study's frame (the Original's crop): scaled and moved so the eyes land where the Original's do, over the
    /// source aligned in that frame, so a tighter editor crop keeps the Original's surroundings instead of a different zoom.
    /// </summary>
    public static SKBitmap IntoStudyFrame(SKBitmap edited, SKBitmap source, FaceDetection face, float editorMargin, NormaliseOptions study)
    {
        var frame = Align(source, face, study.Size, study.Margin);
        if (!FaceAlignment.Transform(face, edited.Width, editorMargin).TryInvert(out var editedToSource))
            throw new ArgumentException("The editor's alignment cannot be inverted.", nameof(face));
        using var canvas = new SKCanvas(frame);
        using var image = SKImage.FromBitmap(edited);
        canvas.SetMatrix(SKMatrix.Concat(FaceAlignment.Transform(face, study.Size, study.Margin), editedToSource));
        canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return frame;
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
