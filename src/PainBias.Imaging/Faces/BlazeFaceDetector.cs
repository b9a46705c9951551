using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Models;
using SkiaSharp;

namespace PainBias.Imaging.Faces;

/// <summary>
/// BlazeFace short-range detector on one long-lived ONNX session (thread-safe: Run may be called concurrently).
/// Works best when the face spans a fair part of the image, as in portrait study photos.
/// </summary>
public sealed class BlazeFaceDetector : IFaceDetector, IDisposable
{
    private const string InputName = "input:0";
    private const int Size = BlazeFaceAnchors.InputSize;

    private readonly InferenceSession _session;
    private readonly FaceDetectorOptions _options;

    public BlazeFaceDetector(OnnxSessionFactory sessions, FaceDetectorOptions options)
    {
        _options = options;
        _session = sessions.Create(BlazeFaceModel.GetBytes());
        Device = sessions.Device;
    }

    public BlazeFaceDetector(OnnxSessionFactory sessions) : this(sessions, FaceDetectorOptions.Default)
    {
    }

    public InferenceDevice Device { get; }

    public IReadOnlyList<FaceDetection> Detect(SKBitmap image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var letterbox = Letterbox.For(image.Width, image.Height);
        var input = new DenseTensor<float>([1, Size, Size, 3]);
        Preprocess(image, letterbox, input.Buffer.Span);

        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(InputName, input)]);
        var byName = results.ToDictionary(r => r.Name, r => r.AsTensor<float>());

        // Scores and regressors come in two groups, stride-8 anchors first (Identity, Identity_2), then stride-16.
        var logits = Concat(byName["Identity:0"], byName["Identity_1:0"]);
        var regressors = Concat(byName["Identity_2:0"], byName["Identity_3:0"]);
        var candidates = BlazeFaceDecoder.Decode(logits, regressors, BlazeFaceAnchors.ShortRange, _options.MinScore, letterbox);
        return WeightedNms.Apply(candidates, _options.NmsIouThreshold);
    }

    public void Dispose() => _session.Dispose();

    /// <summary>Letterboxes into 128×128 RGB scaled to [-1, 1] (what MediaPipe feeds this model), NHWC.</summary>
    internal static void Preprocess(SKBitmap image, Letterbox letterbox, Span<float> destination)
    {
        var scale = Size / letterbox.Side;
        var info = new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var square = new SKBitmap(info);
        using (var canvas = new SKCanvas(square))
        using (var source = SKImage.FromBitmap(image))
        {
            canvas.Clear(SKColors.Black);
            var dest = SKRect.Create(letterbox.PadX * scale, letterbox.PadY * scale, image.Width * scale, image.Height * scale);
            // Mipmaps keep a large photo's downscale from aliasing into noise the detector would see.
            canvas.DrawImage(source, dest, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        var pixels = square.GetPixelSpan();
        for (int p = 0, t = 0; p < pixels.Length; p += 4, t += 3)
        {
            destination[t] = (pixels[p] / 127.5f) - 1f;
            destination[t + 1] = (pixels[p + 1] / 127.5f) - 1f;
            destination[t + 2] = (pixels[p + 2] / 127.5f) - 1f;
        }
    }

    private static float[] Concat(Tensor<float> first, Tensor<float> second)
    {
        var all = new float[first.Length + second.Length];
        var i = 0;
        foreach (var v in first)
        {
            all[i++] = v;
        }

        foreach (var v in second)
        {
            all[i++] = v;
        }

        return all;
    }
}
