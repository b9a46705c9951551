using SkiaSharp;

namespace PainBias.Imaging.Quality.Onnx;

/// <summary>Resizes an image to a check model's input and writes it as floats in the manifest's range and layout.</summary>
internal static class ModelInput
{
    public static void Fill(SKBitmap image, QualityModelInput input, Span<float> destination)
    {
        var info = new SKImageInfo(input.Width, input.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var resized = new SKBitmap(info);
        using (var canvas = new SKCanvas(resized))
        using (var source = SKImage.FromBitmap(image))
        {
            canvas.DrawImage(source, SKRect.Create(input.Width, input.Height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }

        var (lo, hi) = (input.Range[0], input.Range[1]);
        var scale = (float)((hi - lo) / 255.0);
        var offset = (float)lo;
        var pixels = resized.GetPixelSpan();
        var plane = input.Width * input.Height;
        for (var i = 0; i < plane; i++)
        {
            var p = i * 4;
            if (input.Channels == 1)
            {
                var luma = (0.299f * pixels[p]) + (0.587f * pixels[p + 1]) + (0.114f * pixels[p + 2]);
                destination[i] = offset + (scale * luma);
                continue;
            }

            for (var c = 0; c < 3; c++)
            {
                var value = offset + (scale * pixels[p + c]);
                destination[input.Layout == TensorLayout.Nchw ? (c * plane) + i : (i * 3) + c] = value;
            }
        }
    }
}
