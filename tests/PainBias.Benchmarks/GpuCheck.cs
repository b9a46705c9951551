using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Editing.Onnx;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using PainBias.TestSupport.Onnx;
using SkiaSharp;

namespace PainBias.Benchmarks;

/// <summary>
/// Proves the CUDA path on a GPU node: a session must be created on the CUDA execution provider (no silent CPU
/// fallback: any failure ends the check with exit code 3 and the reason), then BlazeFace and an ONNX editor (a small
/// two-layer convolutional editor built here, batched) run on the demo faces on CUDA and on CPU, their outputs are
/// compared, and images per second are printed for both. The built-in skin-tone editor (managed code, CPU) is timed
/// alongside for scale.
/// </summary>
public static class GpuCheck
{
    public const int NoCuda = 3;
    public const int DryRun = 5;
    private const int EditorSize = 256;

    /// <param name="dryRunOnCpu">Runs every step with CPU sessions in the CUDA column, to exercise the check on a machine
    /// without a GPU; it proves nothing about CUDA and always ends with exit code <see cref="DryRun"/>.</param>
    public static int Run(int rounds, int deviceId, bool dryRunOnCpu = false)
    {
        var cuda = new OnnxSessionFactory(new InferenceOptions { PreferCuda = !dryRunOnCpu, CudaDeviceId = deviceId });
        if (cuda.Device != InferenceDevice.Cuda && !dryRunOnCpu)
            return Fail($"the CUDA execution provider cannot be loaded: {cuda.CudaUnavailableReason}");
        var editorModel = ConvolutionEditor();
        if (!dryRunOnCpu)
        try
        {
            // Straight on the CUDA provider, not through the factory's fallback: a device that refuses the model must fail here.
            using var options = new SessionOptions();
            options.AppendExecutionProvider_CUDA(deviceId);
            using var probe = new InferenceSession(editorModel, options);
        }
        catch (OnnxRuntimeException e)
        {
            return Fail($"a session on the CUDA execution provider could not be created: {e.Message}");
        }

        var cpu = new OnnxSessionFactory(new InferenceOptions { PreferCuda = false });
        var manifest = new OnnxEditorManifest
        {
            Name = "gpu-check-conv", Condition = "SkinTone",
            Input = new ImageTensorSpec { Name = "input", Layout = ImageLayout.Nchw, Width = EditorSize, Height = EditorSize, Range = [-1, 1] },
            Output = new EditorOutput { Name = "output" },
        };
        using var cudaDetector = new BlazeFaceDetector(cuda);
        using var cpuDetector = new BlazeFaceDetector(cpu);
        using var cudaEditor = OnnxEditor.Load(cuda, editorModel, manifest);
        using var cpuEditor = OnnxEditor.Load(cpu, editorModel, manifest);
        if (!dryRunOnCpu && (cuda.Device != InferenceDevice.Cuda || cudaEditor.Device != InferenceDevice.Cuda))
            return Fail($"a session fell back to the CPU: {cuda.CudaUnavailableReason}");

        var decoder = new ImageDecoder();
        var photos = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "DemoData", "faces")).Order().Select(File.ReadAllBytes).ToList();
        var decoded = photos.Select(p => decoder.Decode(p)).ToList();
        var normaliser = new FaceNormaliser(decoder, cpuDetector);
        var normalised = photos.Select(p => normaliser.Normalise(p, new NormaliseOptions(EditorSize))).ToList();
        var aligned = normalised.Select(n => SKBitmap.Decode(n.Png)).ToList();
        // A batch of 8 faces, as the generation job sends when the editor's batch is dynamic.
        var batch = Enumerable.Range(0, cudaEditor.BatchSize).Select(i => aligned[i % aligned.Count]).ToList();

        if (dryRunOnCpu)
            Console.WriteLine("DRY RUN ON CPU: the CUDA column below is the CPU; this proves nothing about CUDA.");
        Console.WriteLine($"GPU check: CUDA device {deviceId}, ONNX Runtime {OrtEnv.Instance().GetVersionString()}, {photos.Count} demo faces, {rounds} rounds");
        var same = Compare(cudaDetector, cpuDetector, cudaEditor, cpuEditor, decoded, batch);
        Console.WriteLine($"  outputs agree: BlazeFace keypoints within {same.Keypoints:0.###} px, editor pixels within {same.Pixels} levels");
        Console.WriteLine($"  {"",-40} {"CUDA",14} {"CPU",14}");
        Row("BlazeFace detect (images/s)", rounds, decoded.Count, i => cudaDetector.Detect(decoded[i].Bitmap), i => cpuDetector.Detect(decoded[i].Bitmap));
        Row($"ONNX editor, batch {batch.Count} at {EditorSize} px (images/s)", rounds, batch.Count,
            _ => Dispose(cudaEditor.Edit(batch)), _ => Dispose(cpuEditor.Edit(batch)), perCall: batch.Count);
        var skinTone = new SkinToneEditor();
        Row("built-in skin-tone edit (images/s, CPU)", rounds, aligned.Count,
            i => skinTone.Edit(aligned[i], normalised[i].Aligned, new SkinToneOptions(0.6, SkinTarget.Darker)).Dispose(), null);
        if (same.Keypoints > 1 || same.Pixels > 2)
            return Fail($"CUDA and CPU disagree (keypoints {same.Keypoints:0.###} px, pixels {same.Pixels} levels)", 4);
        if (dryRunOnCpu)
            return Fail("dry run on CPU finished; run without --dry-run-on-cpu on a GPU node for the real check", DryRun);
        Console.WriteLine("GPU check passed.");
        return 0;
    }

    private static int Fail(string reason, int code = NoCuda)
    {
        Console.Error.WriteLine($"gpu-check: FAILED: {reason}");
        if (code == NoCuda)
            Console.Error.WriteLine("gpu-check: this check needs an NVIDIA GPU with its driver, and the CUDA runtime and cuDNN that ONNX Runtime's CUDA provider links (CUDA 13 and cuDNN 9 for ONNX Runtime 1.32; the message above names a missing library) on the library path. It does not fall back to the CPU.");
        return code;
    }

    private static (double Keypoints, int Pixels) Compare(BlazeFaceDetector cudaDetector, BlazeFaceDetector cpuDetector, OnnxEditor cudaEditor, OnnxEditor cpuEditor,
        List<DecodedImage> decoded, List<SKBitmap> batch)
    {
        double keypoints = 0;
        foreach (var image in decoded)
        {
            var (a, b) = (cudaDetector.Detect(image.Bitmap), cpuDetector.Detect(image.Bitmap));
            if (a.Count != b.Count)
                return (double.PositiveInfinity, int.MaxValue);
            for (var f = 0; f < a.Count; f++)
                keypoints = Math.Max(keypoints, a[f].Keypoints.Zip(b[f].Keypoints, (p, q) => Math.Max(Math.Abs(p.X - q.X), Math.Abs(p.Y - q.Y))).Max());
        }
        var (gpu, host) = (cudaEditor.Edit(batch), cpuEditor.Edit(batch));
        var pixels = 0;
        for (var i = 0; i < gpu.Count; i++)
        {
            var x = gpu[i].GetPixelSpan();
            var y = host[i].GetPixelSpan();
            for (var p = 0; p < x.Length; p++)
                pixels = Math.Max(pixels, Math.Abs(x[p] - y[p]));
        }
        Dispose(gpu);
        Dispose(host);
        return (keypoints, pixels);
    }

    private static void Row(string name, int rounds, int count, Action<int> onCuda, Action<int>? onCpu, int perCall = 1)
    {
        var cudaRate = Rate(rounds, count, onCuda, perCall);
        var cpuRate = onCpu is null ? (double?)null : Rate(rounds, count, onCpu, perCall);
        Console.WriteLine($"  {name,-40} {cudaRate,14:0.0} {(cpuRate is { } c ? c.ToString("0.0").PadLeft(14) : "".PadLeft(14))}{(cpuRate is { } r ? $"   ×{cudaRate / r:0.0}" : "")}");
    }

    /// <summary>Images per second after a warm-up pass; <paramref name="perCall"/> images per call of <paramref name="work"/>.</summary>
    private static double Rate(int rounds, int count, Action<int> work, int perCall)
    {
        var calls = perCall == 1 ? count : 1;
        for (var i = 0; i < calls; i++)
            work(i);
        var start = Stopwatch.GetTimestamp();
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < calls; i++)
                work(i);
        }
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return rounds * calls * perCall / seconds;
    }

    private static void Dispose(IReadOnlyList<SKBitmap> bitmaps)
    {
        foreach (var b in bitmaps)
            b.Dispose();
    }

    /// <summary>
    /// A stand-in for an exported face editor: conv 3→32 (3×3) → ReLU → conv 32→3 (3×3), added to the input, dynamic batch.
    /// Fixed pseudo-random weights (a linear congruential sequence) so CUDA and CPU runs see the same model.
    /// </summary>
    private static byte[] ConvolutionEditor()
    {
        var state = 12345u;
        float Next() => ((state = (state * 1664525) + 1013904223) >> 8) / (float)(1 << 24) * 0.02f - 0.01f;
        var w1 = Enumerable.Range(0, 32 * 3 * 3 * 3).Select(_ => Next()).ToArray();
        var w2 = Enumerable.Range(0, 3 * 32 * 3 * 3).Select(_ => Next()).ToArray();
        var conv = new[] { OnnxModelBuilder.Ints("kernel_shape", 3, 3), OnnxModelBuilder.Ints("pads", 1, 1, 1, 1) };
        return new OnnxModelBuilder()
            .Input("input", "batch", 3, EditorSize, EditorSize)
            .Output("output", "batch", 3, EditorSize, EditorSize)
            .Constant("w1", [32, 3, 3, 3], w1)
            .Constant("b1", [32], new float[32])
            .Constant("w2", [3, 32, 3, 3], w2)
            .Constant("b2", [3], new float[3])
            .Node("Conv", ["input", "w1", "b1"], ["h"], conv)
            .Node("Relu", ["h"], ["r"])
            .Node("Conv", ["r", "w2", "b2"], ["delta"], conv)
            .Node("Add", ["input", "delta"], ["output"])
            .ToBytes();
    }
}
