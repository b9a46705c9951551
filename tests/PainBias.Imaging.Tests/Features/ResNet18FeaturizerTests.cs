using PainBias.Imaging.Features;
using PainBias.Imaging.Inference;

namespace PainBias.Imaging.Tests.Features;

/// <summary>The real ResNet18 file from the NuGet package on fixture photos, on the CPU provider.</summary>
public class ResNet18FeaturizerTests
{
    private static readonly Lazy<ResNet18Featurizer> Shared = new(() => new ResNet18Featurizer(new OnnxSessionFactory(), new ResNet18Options()));

    private static ResNet18Featurizer Featurizer => Shared.Value;

    [Fact]
    public void A_face_gives_512_finite_features_and_the_same_ones_every_time()
    {
        using var face = TestImages.Decode("hopper.jpg");

        var first = Featurizer.Extract(face.Bitmap);
        var again = Featurizer.Extract(face.Bitmap);

        Assert.Equal(512, first.Length);
        Assert.All(first, v => Assert.True(float.IsFinite(v)));
        // Pooled ReLU outputs: never negative, and a photo lights up a good share of them.
        Assert.All(first, v => Assert.True(v >= 0));
        Assert.True(first.Count(v => v > 0) > 100, $"{first.Count(v => v > 0)} non-zero features");
        Assert.Equal(first, again);
    }

    [Fact]
    public void Different_faces_give_different_features_and_a_batch_equals_one_at_a_time()
    {
        string[] names = ["hopper.jpg", "John_Salley_000179_02159509.jpg", "John_Simm_000288_00470387.jpg"];
        var images = names.Select(TestImages.Decode).ToList();
        try
        {
            var batch = Featurizer.Extract(images.Select(i => i.Bitmap).ToList());
            var single = images.Select(i => Featurizer.Extract(i.Bitmap)).ToList();

            Assert.Equal(3, batch.Count);
            for (var k = 0; k < 3; k++) Assert.Equal(single[k], batch[k]);
            for (var a = 0; a < 3; a++)
            for (var b = a + 1; b < 3; b++)
            {
                var distance = Math.Sqrt(batch[a].Zip(batch[b], (x, y) => (double)(x - y) * (x - y)).Sum());
                var norm = Math.Sqrt(batch[a].Sum(x => (double)x * x));
                Assert.True(distance > 0.05 * norm, $"{names[a]} vs {names[b]}: distance {distance}, norm {norm}");
            }
        }
        finally
        {
            images.ForEach(i => i.Dispose());
        }
    }

    [Fact]
    public void Our_preprocessing_equals_the_packages_preprocessing_model()
    {
        using var face = TestImages.Decode("John_Savage_000264_01099001.jpg");

        var ours = Featurizer.Preprocess(face.Bitmap);
        var package = Featurizer.PreprocessWithPackageModel(face.Bitmap);

        Assert.Equal(package.Length, ours.Length);
        Assert.Equal(3 * 224 * 224, ours.Length);
        var worst = ours.Zip(package, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= 1e-4f, $"largest difference {worst}");
        // BGR order: the first plane is blue. Mean image values are ImageNet-like (about 100–125).
        var mean = Featurizer.MeanBgr.ToArray();
        Assert.InRange(mean.Take(224 * 224).Average(), 90, 130);
        Assert.True(mean.Take(224 * 224).Average() < mean.Skip(2 * 224 * 224).Average(), "the blue mean is below the red mean in ImageNet");
    }

    [Fact]
    public void The_model_hash_names_the_file()
    {
        Assert.Matches("^[0-9a-f]{64}$", Featurizer.ModelSha256);
        Assert.Equal(512, Featurizer.Dimensions);
        Assert.Equal(1, Featurizer.BatchSize);
    }

    [Fact]
    public void A_missing_model_folder_says_where_the_file_comes_from()
    {
        var e = Assert.Throws<FileNotFoundException>(() => new ResNet18Featurizer(new OnnxSessionFactory(), new ResNet18Options { ModelDirectory = "/nonexistent" }));
        Assert.Contains("Microsoft.ML.DnnImageFeaturizer.ResNet18", e.Message);
        Assert.Contains("/nonexistent/ResNet18.onnx", e.Message);
    }
}
