using PainBias.Imaging.Decoding;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Features;
using PainBias.Imaging.Inference;

namespace PainBias.Imaging;

/// <summary>The "Imaging" configuration section: upload limits, inference device, detector thresholds.</summary>
public sealed record ImagingOptions
{
    public const string SectionName = "Imaging";

    public ImageDecoderOptions Decoder { get; init; } = new();

    public InferenceOptions Inference { get; init; } = new();

    public FaceDetectorOptions Detector { get; init; } = new();

    public ResNet18Options ResNet18 { get; init; } = new();
}
