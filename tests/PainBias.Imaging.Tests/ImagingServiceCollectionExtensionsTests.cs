using Microsoft.Extensions.DependencyInjection;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using PainBias.Imaging.Quality;

namespace PainBias.Imaging.Tests;

public sealed class ImagingServiceCollectionExtensionsTests
{
    [Fact]
    public void A_host_gets_one_detector_and_a_working_normaliser_with_its_limits()
    {
        var options = new ImagingOptions
        {
            Decoder = new ImageDecoderOptions { MaxBytes = 8_000 },
            Inference = new InferenceOptions { PreferCuda = false },
        };
        using var provider = new ServiceCollection().AddImaging(options).BuildServiceProvider();

        var normaliser = provider.GetRequiredService<FaceNormaliser>();

        Assert.Same(provider.GetRequiredService<BlazeFaceDetector>(), provider.GetRequiredService<IFaceDetector>());
        Assert.Equal(InferenceDevice.Cpu, provider.GetRequiredService<OnnxSessionFactory>().Device);
        // The 6.5 kB crop fits the configured limit; the 61 kB photo does not.
        Assert.Equal(64, normaliser.Normalise(TestImages.Bytes("John_Simm_000288_00470387.jpg"), new NormaliseOptions(64)).Size);
        var e = Assert.Throws<ImageRejectedException>(() => normaliser.Normalise(TestImages.Bytes("hopper.jpg"), new NormaliseOptions()));
        Assert.Equal(ImageRejectionReason.TooManyBytes, e.Reason);
    }

    [Fact]
    public void The_editor_and_the_pair_check_are_registered()
    {
        using var provider = new ServiceCollection()
            .AddImaging(new ImagingOptions { Inference = new InferenceOptions { PreferCuda = false } })
            .BuildServiceProvider();

        Assert.Same(provider.GetRequiredService<SkinToneEditor>(), provider.GetRequiredService<SkinToneEditor>());
        var bytes = TestImages.Bytes("John_Simm_000288_00470387.jpg");
        Assert.Equal(0, provider.GetRequiredService<PairCheck>().Check(bytes, bytes).Drift);
    }
}
