using Microsoft.Extensions.DependencyInjection;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Editing.Onnx;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Features;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using PainBias.Imaging.Quality;
using PainBias.Imaging.Quality.Onnx;

namespace PainBias.Imaging;

public static class ImagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the decoder, the session factory (device chosen once per process), the BlazeFace detector
    /// (one long-lived session), the normaliser, the skin-tone editor, the pair check, the check-model and ONNX-editor sessions, all singletons. Hosts log
    /// <see cref="OnnxSessionFactory.Device"/> and <see cref="OnnxSessionFactory.CudaUnavailableReason"/> at start.
    /// </summary>
    public static IServiceCollection AddImaging(this IServiceCollection services, ImagingOptions? options = null)
    {
        options ??= new ImagingOptions();
        services.AddSingleton(options);
        services.AddSingleton(new ImageDecoder(options.Decoder));
        services.AddSingleton(_ => new OnnxSessionFactory(options.Inference));
        services.AddSingleton(sp => new BlazeFaceDetector(sp.GetRequiredService<OnnxSessionFactory>(), options.Detector));
        services.AddSingleton<IFaceDetector>(sp => sp.GetRequiredService<BlazeFaceDetector>());
        services.AddSingleton(sp => new FaceNormaliser(sp.GetRequiredService<ImageDecoder>(), sp.GetRequiredService<IFaceDetector>()));
        services.AddSingleton<SkinToneEditor>();
        services.AddSingleton(sp => new PairCheck(sp.GetRequiredService<ImageDecoder>(), sp.GetRequiredService<IFaceDetector>()));
        services.AddSingleton(sp => new QualityModelSessions(sp.GetRequiredService<OnnxSessionFactory>()));
        services.AddSingleton(sp => new OnnxEditorSessions(sp.GetRequiredService<OnnxSessionFactory>()));
        // Loaded on first use (64 MB): only processes that extract features pay for it.
        services.AddSingleton(sp => new ResNet18Featurizer(sp.GetRequiredService<OnnxSessionFactory>(), options.ResNet18));
        services.AddSingleton<IImageFeaturizer>(sp => sp.GetRequiredService<ResNet18Featurizer>());
        return services;
    }
}
