using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PainBias.Imaging.Inference;
using SkiaSharp;

namespace PainBias.Imaging.Features;

/// <summary>
/// ImageNet ResNet18 from the NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 (MIT): 224×224 BGR minus the
/// package's mean image in, the 512-d global-average-pooled features out. One long-lived session (thread-safe);
/// the mean image is read once from the package's preprocessing model by running it on zeros.
/// </summary>
public sealed class ResNet18Featurizer : IImageFeaturizer, IDisposable
{
    public const string ModelFile = "ResNet18.onnx";
    public const string PreprocessFile = "ResNetPreprocess.onnx";
    public const string InputName = "Input247";
    public const string OutputName = "Pooling395_Output_0";
    public const int FeatureCount = 512;
    private const string PreprocessInput = "OriginalInput";
    private const string PreprocessOutput = "PreprocessedInput";

    private readonly InferenceSession _session;
    private readonly InferenceSession _preprocess;
    private readonly float[] _meanBgr;
    private readonly int _batch;

    public ResNet18Featurizer(OnnxSessionFactory sessions, ResNet18Options options)
    {
        var directory = options.ResolvedDirectory;
        var modelPath = Path.Combine(directory, ModelFile);
        var preprocessPath = Path.Combine(directory, PreprocessFile);
        foreach (var path in new[] { modelPath, preprocessPath })
            if (!File.Exists(path))
                throw new FileNotFoundException($"The ResNet18 feature model file {path} is missing. It comes from the NuGet package "
                    + "Microsoft.ML.DnnImageFeaturizer.ResNet18, which PainBias.Imaging copies into the output folder; set Imaging:ResNet18:ModelDirectory to where it is.", path);

        using (var stream = File.OpenRead(modelPath)) ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(stream));
        _session = sessions.Create(modelPath);
        _preprocess = sessions.Create(preprocessPath);
        Device = sessions.Device;
        var batchDim = _session.InputMetadata[InputName].Dimensions[0];
        _batch = batchDim > 0 ? batchDim : Math.Max(1, options.BatchSize);
        _meanBgr = ReadMeanImage(_preprocess);
    }

    public string Name => "resnet18";

    public string ModelSha256 { get; }

    public int Dimensions => FeatureCount;

    public InferenceDevice Device { get; }

    /// <summary>Images per session run: 1 for the package's model, whose batch dimension is fixed.</summary>
    public int BatchSize => _batch;

    /// <summary>The package preprocessor's mean image, BGR planes of 224 × 224.</summary>
    public ReadOnlySpan<float> MeanBgr => _meanBgr;

    public IReadOnlyList<float[]> Extract(IReadOnlyList<SKBitmap> images)
    {
        var features = new List<float[]>(images.Count);
        for (var start = 0; start < images.Count; start += _batch)
        {
            var count = Math.Min(_batch, images.Count - start);
            var input = new DenseTensor<float>([_batch == 1 ? 1 : count, 3, ResNetPreprocessing.Side, ResNetPreprocessing.Side]);
            for (var k = 0; k < count; k++)
            {
                using var resized = ResNetPreprocessing.Resize(images[start + k]);
                ResNetPreprocessing.FillPreprocessed(resized, _meanBgr, input.Buffer.Span.Slice(k * 3 * ResNetPreprocessing.Plane, 3 * ResNetPreprocessing.Plane));
            }

            features.AddRange(RunPreprocessed(input, count));
        }

        return features;
    }

    public float[] Extract(SKBitmap image) => Extract([image])[0];

    /// <summary>Runs ResNet18 on an already preprocessed [n, 3, 224, 224] tensor.</summary>
    public IReadOnlyList<float[]> RunPreprocessed(DenseTensor<float> input, int count)
    {
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(InputName, input)], [OutputName]);
        var output = results[0].AsTensor<float>();
        var all = output is DenseTensor<float> dense ? dense.Buffer.Span : output.ToArray();
        var per = all.Length / input.Dimensions[0];
        if (per != FeatureCount)
            throw new InvalidOperationException($"{ModelFile} returned {per} values per image; expected {FeatureCount}.");
        var features = new float[count][];
        for (var k = 0; k < count; k++) features[k] = all.Slice(k * per, per).ToArray();
        return features;
    }

    /// <summary>The package's own preprocessing model on the resized image, to prove <see cref="ResNetPreprocessing"/> equal to it.</summary>
    public float[] PreprocessWithPackageModel(SKBitmap image)
    {
        using var resized = ResNetPreprocessing.Resize(image);
        var rgb = new DenseTensor<float>([1, 3, ResNetPreprocessing.Side, ResNetPreprocessing.Side]);
        ResNetPreprocessing.FillRgb(resized, rgb.Buffer.Span);
        using var results = _preprocess.Run([NamedOnnxValue.CreateFromTensor(PreprocessInput, rgb)], [PreprocessOutput]);
        return results[0].AsTensor<float>().ToArray();
    }

    /// <summary>Our preprocessing of the resized image, as it goes into ResNet18.</summary>
    public float[] Preprocess(SKBitmap image)
    {
        using var resized = ResNetPreprocessing.Resize(image);
        var values = new float[3 * ResNetPreprocessing.Plane];
        ResNetPreprocessing.FillPreprocessed(resized, _meanBgr, values);
        return values;
    }

    public void Dispose()
    {
        _session.Dispose();
        _preprocess.Dispose();
    }

    private static float[] ReadMeanImage(InferenceSession preprocess)
    {
        // The model computes BGR(x) − mean, so zeros in give −mean out (negation and 0 − m are exact in floating point).
        var zeros = new DenseTensor<float>([1, 3, ResNetPreprocessing.Side, ResNetPreprocessing.Side]);
        using var results = preprocess.Run([NamedOnnxValue.CreateFromTensor(PreprocessInput, zeros)], [PreprocessOutput]);
        return results[0].AsTensor<float>().Select(v => -v).ToArray();
    }
}
