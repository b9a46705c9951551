using PainBias.Imaging.Faces;
using PainBias.Imaging.Pixels;
using SkiaSharp;

namespace PainBias.Imaging.Editing;

/// <summary>
/// The built-in skin-tone editor. Splits L* into a smooth base layer and the detail (pores, wrinkles, edges)
/// left over, scales the base's lightness toward the target inside the skin mask, and adds the detail back
/// unchanged: tone moves, texture and geometry stay, so keypoints and the detail check barely notice.
/// Single-threaded managed arithmetic, so the same pixels and options give the same bytes on every node.
/// </summary>
public sealed class SkinToneEditor
{
    /// <summary>Base-layer σ in inter-ocular distances: wider than skin texture, narrower than the cheek's shading.</summary>
    public const float BaseSigma = 1f / 12;

    /// <param name="image">An aligned face (normalised output), Gray8 or RGBA.</param>
    /// <param name="face">Its keypoints in <paramref name="image"/>'s pixels (the normaliser's <c>Aligned</c>).</param>
    /// <returns>A new bitmap of the same size and colour type as <paramref name="image"/>.</returns>
    public SKBitmap Edit(SKBitmap image, FaceDetection face, SkinToneOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(face);
        options.Validate();
        if (options.Strength == 0)
        {
            return image.Copy();
        }

        var planes = LabPlanes.From(image);
        var mask = SkinMask.Build(image.Width, image.Height, face);
        var sigma = Math.Max(1, BaseSigma * face.InterOcularDistance);
        var baseL = GaussianBlur.Apply(planes.L, image.Width, image.Height, sigma);
        // The skin's lightness is measured where the mask is whole, so the target is met there exactly
        // at full strength rather than diluted by the feathered rim.
        var core = Array.ConvertAll(mask, m => m > 0.999f ? 1f : 0f);
        var skin = Mean(baseL, core) ?? Mean(baseL, mask);
        if (skin is null)
        {
            return image.Copy();
        }

        // Scaling (not shifting) the base keeps the face's shading in proportion: a shadowed cheek stays
        // darker than the lit one by the same ratio, as it would on darker skin.
        var gain = (options.Target.TargetLightness(skin.Value) / skin.Value) - 1;
        var tone = Tone(planes, core, sigma, options.Target);
        var weights = new float[mask.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            var w = (float)(mask[i] * options.Strength);
            weights[i] = w;
            var detail = planes.L[i] - baseL[i];
            planes.L[i] = (float)((baseL[i] * (1 + (w * gain))) + detail);
            if (tone is { } t)
            {
                planes.A[i] += w * t.A;
                planes.B[i] += w * t.B;
            }
        }

        return Render(image, planes, weights);
    }

    /// <summary>The a*/b* steps that take the skin's mean tone to the target's, when the target names a tone.</summary>
    private static (float A, float B)? Tone(LabPlanes planes, float[] mask, double sigma, SkinTarget target)
    {
        if (planes.Grey || target.A is not { } a || target.B is not { } b)
        {
            return null;
        }

        // A constant step on the base is the same step on the image: the detail of a*/b* is untouched.
        var meanA = Mean(GaussianBlur.Apply(planes.A, planes.Width, planes.Height, sigma), mask)!.Value;
        var meanB = Mean(GaussianBlur.Apply(planes.B, planes.Width, planes.Height, sigma), mask)!.Value;
        return ((float)(a - meanA), (float)(b - meanB));
    }

    private static double? Mean(float[] values, float[] weights)
    {
        double sum = 0, total = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += weights[i] * values[i];
            total += weights[i];
        }

        return total > 0 ? sum / total : null;
    }

    /// <summary>Pixels with weight 0 are copied from the input, so everything off the skin is byte-identical.</summary>
    private static SKBitmap Render(SKBitmap image, LabPlanes planes, float[] weights)
    {
        var output = Fill(Working(image), planes, weights);
        if (output.ColorType == image.ColorType)
        {
            return output;
        }

        // Back to the caller's layout (decoders often give BGRA): a channel swap, no arithmetic.
        using (output)
        {
            return output.Copy(image.ColorType);
        }
    }

    private static SKBitmap Fill(SKBitmap output, LabPlanes planes, float[] weights)
    {
        if (output.ColorType == SKColorType.Gray8)
        {
            var grey = output.GetPixelSpan();
            for (var i = 0; i < weights.Length; i++)
            {
                if (weights[i] > 0)
                {
                    grey[i] = Lab.GreyOfLightness(planes.L[i]);
                }
            }

            return output;
        }

        var rgba = output.GetPixelSpan();
        for (int i = 0, p = 0; i < weights.Length; i++, p += 4)
        {
            if (weights[i] == 0)
            {
                continue;
            }

            if (planes.Grey)
            {
                rgba[p] = rgba[p + 1] = rgba[p + 2] = Lab.GreyOfLightness(planes.L[i]);
            }
            else
            {
                (rgba[p], rgba[p + 1], rgba[p + 2]) = Lab.ToSrgb(planes.L[i], planes.A[i], planes.B[i]);
            }
        }

        return output;
    }

    /// <summary>A mutable copy as Gray8 or RGBA (opaque faces: premultiplied and straight alpha coincide).</summary>
    private static SKBitmap Working(SKBitmap image) =>
        image.Copy(image.ColorType == SKColorType.Gray8 ? SKColorType.Gray8 : SKColorType.Rgba8888);
}
