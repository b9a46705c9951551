using System.Diagnostics;
using PainBias.Imaging.Decoding;
using PainBias.Imaging.Editing;
using PainBias.Imaging.Faces;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using PainBias.Imaging.Quality;
using SkiaSharp;

namespace PainBias.Benchmarks;

/// <summary>
/// Per-image times of the imaging pipeline on the demo faces: BlazeFace detection alone, full normalisation
/// (decode, detect, refine, align, resize, greyscale, PNG), the built-in skin-tone edit and the pair check, on the
/// device ONNX Runtime chose. Prints median and mean after a warm-up; asserts nothing about speed.
/// </summary>
public static class ImagingThroughput
{
    public static int Run(int rounds)
    {
        var sessions = new OnnxSessionFactory();
        using var detector = new BlazeFaceDetector(sessions);
        var decoder = new ImageDecoder();
        var normaliser = new FaceNormaliser(decoder, detector);
        var editor = new SkinToneEditor();
        var check = new PairCheck(decoder, detector);
        var options = new NormaliseOptions(512, Greyscale: true);
        var photos = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "DemoData", "faces")).Order().Select(File.ReadAllBytes).ToList();
        var decoded = photos.Select(p => decoder.Decode(p)).ToList();
        var normalised = photos.Select(p => normaliser.Normalise(p, options)).ToList();
        var bitmaps = normalised.Select(n => SKBitmap.Decode(n.Png)).ToList();
        var edited = bitmaps.Select((b, i) => editor.Edit(b, normalised[i].Aligned, new SkinToneOptions(0.6, SkinTarget.Darker))).ToList();
        var editedPng = edited.Select(e => e.Encode(SKEncodedImageFormat.Png, 100).ToArray()).ToList();

        Console.WriteLine($"Imaging on {sessions.Device} ({sessions.CudaUnavailableReason ?? "CUDA"}), {photos.Count} demo faces × {rounds} rounds, normalised to {options.Size} px greyscale");
        Report("BlazeFace detect", rounds, photos.Count, i => detector.Detect(decoded[i].Bitmap));
        Report("normalise (decode → PNG)", rounds, photos.Count, i => normaliser.Normalise(photos[i], options));
        Report("skin-tone edit", rounds, photos.Count, i => editor.Edit(bitmaps[i], normalised[i].Aligned, new SkinToneOptions(0.6, SkinTarget.Darker)).Dispose());
        Report("pair check (2 decodes, 2 detections, SSIM)", rounds, photos.Count, i => check.Check(normalised[i].Png, editedPng[i]));

        foreach (var d in decoded) d.Dispose();
        foreach (var b in bitmaps.Concat(edited)) b.Dispose();
        return 0;
    }

    private static void Report(string name, int rounds, int count, Action<int> work)
    {
        for (var i = 0; i < count; i++)
            work(i);
        var times = new List<double>();
        for (var r = 0; r < rounds; r++)
        {
            for (var i = 0; i < count; i++)
            {
                var start = Stopwatch.GetTimestamp();
                work(i);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }
        times.Sort();
        Console.WriteLine($"  {name,-44} median {times[times.Count / 2],8:0.0} ms/image   mean {times.Average(),8:0.0} ms/image   (n={times.Count})");
    }
}
