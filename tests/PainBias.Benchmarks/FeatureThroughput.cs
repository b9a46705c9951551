using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Features;
using PainBias.Imaging.Inference;

namespace PainBias.Benchmarks;

/// <summary>
/// ResNet18 feature extraction per image: our pipeline (resize to 224, BGR minus mean image, session run, copy out)
/// against a bare ONNX Runtime session fed the same preprocessed tensor, measured in the same run and interleaved
/// image by image so that load from other processes hits both alike. Target: pipeline ≤ 1.2 × bare. Asserts only
/// that both give the same features.
/// </summary>
public static class FeatureThroughput
{
    public static int Run(int images)
    {
        var sessions = new OnnxSessionFactory();
        var options = new ResNet18Options();
        using var featurizer = new ResNet18Featurizer(sessions, options);
        using var bareOptions = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (sessions.Device == InferenceDevice.Cuda) bareOptions.AppendExecutionProvider_CUDA();
        using var bare = new InferenceSession(Path.Combine(options.ResolvedDirectory, ResNet18Featurizer.ModelFile), bareOptions);

        var decoder = new ImageDecoder();
        var photos = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "DemoData", "faces")).Order()
            .Select(f => decoder.Decode(File.ReadAllBytes(f))).ToList();
        var inputs = photos.Select(p =>
        {
            var tensor = new DenseTensor<float>([1, 3, ResNetPreprocessing.Side, ResNetPreprocessing.Side]);
            featurizer.Preprocess(p.Bitmap).CopyTo(tensor.Buffer.Span);
            return tensor;
        }).ToList();

        float[] Bare(int i)
        {
            using var results = bare.Run([NamedOnnxValue.CreateFromTensor(ResNet18Featurizer.InputName, inputs[i])]);
            return results[0].AsTensor<float>().ToArray();
        }

        for (var i = 0; i < photos.Count; i++)
        {
            var (ours, theirs) = (featurizer.Extract(photos[i].Bitmap), Bare(i));
            if (!ours.SequenceEqual(theirs)) throw new InvalidOperationException($"Image {i}: the pipeline and the bare session disagree.");
        }

        var (pipelineMs, bareMs, preprocessMs) = (new List<double>(), new List<double>(), new List<double>());
        for (var n = 0; n < images; n++)
        {
            var i = n % photos.Count;
            var before = Stopwatch.GetTimestamp();
            featurizer.Preprocess(photos[i].Bitmap);
            preprocessMs.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
            // Alternate which goes first, so neither always runs on a cache the other warmed.
            for (var k = 0; k < 2; k++)
            {
                var start = Stopwatch.GetTimestamp();
                if ((k + n) % 2 == 0)
                {
                    featurizer.Extract(photos[i].Bitmap);
                    pipelineMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                else
                {
                    Bare(i);
                    bareMs.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }

        Console.WriteLine($"ResNet18 features on {sessions.Device} ({sessions.CudaUnavailableReason ?? "CUDA"}), {images} images from {photos.Count} demo faces ({photos[0].Width}×{photos[0].Height}), same outputs checked");
        var (p, b) = (Median(pipelineMs), Median(bareMs));
        Console.WriteLine($"  pipeline (resize, preprocess, run, copy)  median {p,8:0.0} ms/image   mean {pipelineMs.Average(),8:0.0} ms/image");
        Console.WriteLine($"  bare session (preprocessed input)         median {b,8:0.0} ms/image   mean {bareMs.Average(),8:0.0} ms/image");
        Console.WriteLine($"  of which preprocessing (resize, BGR - mean) median {Median(preprocessMs),8:0.0} ms/image   mean {preprocessMs.Average(),8:0.0} ms/image");
        Console.WriteLine($"  ratio pipeline / bare                     median {p / b,8:0.00}×          mean {pipelineMs.Average() / bareMs.Average(),8:0.00}×   (target ≤ 1.2×)");
        foreach (var photo in photos) photo.Dispose();
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
