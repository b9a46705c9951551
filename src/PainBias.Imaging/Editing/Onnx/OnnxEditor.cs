using System.Globalization;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Normalisation;
using SkiaSharp;

namespace PainBias.Imaging.Editing.Onnx;

/// <summary>
/// A researcher's image-to-image face editor on one long-lived ONNX Runtime session. The manifest is checked against
/// the model's declared inputs and outputs when it is loaded, so a mismatch is refused at upload with the reason.
/// A model with a dynamic batch dimension edits up to <see cref="BatchSize"/> faces per run. Edit is thread-safe
/// (ONNX Runtime sessions are).
/// </summary>
public sealed class OnnxEditor : IDisposable
{
    private readonly InferenceSession _session;
    private readonly int[]? _strengthShape;

    private OnnxEditor(InferenceSession session, OnnxEditorManifest manifest, string modelSha256, int batchSize, int[]? strengthShape, InferenceDevice device)
    {
        _session = session;
        Manifest = manifest;
        ModelSha256 = modelSha256;
        BatchSize = batchSize;
        _strengthShape = strengthShape;
        Device = device;
    }

    public OnnxEditorManifest Manifest { get; }

    public string Name => Manifest.Name;

    /// <summary>Lower-case hex SHA-256 of the model file, recorded with every variant it makes.</summary>
    public string ModelSha256 { get; }

    /// <summary>Faces per run: the manifest's maxBatch when the model's batch is dynamic, else 1.</summary>
    public int BatchSize { get; }

    /// <summary>Where the session runs (the factory's device when the session was made).</summary>
    public InferenceDevice Device { get; }

    public static OnnxEditor Load(OnnxSessionFactory sessions, byte[] model, OnnxEditorManifest manifest, string? modelSha256 = null)
    {
        manifest.Validate();
        InferenceSession session;
        try
        {
            session = sessions.Create(model);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OnnxEditorException($"ONNX Runtime cannot load the editor model ({e.Message}). Check that it is an .onnx export, not a PyTorch checkpoint or an archive.");
        }

        try
        {
            var (batch, strength) = Check(session, manifest);
            return new OnnxEditor(session, manifest, modelSha256 ?? Convert.ToHexStringLower(SHA256.HashData(model)), batch, strength, sessions.Device);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The strength a run uses: the requested one (checked against the manifest), else its default; null when the model takes none.</summary>
    public double? EffectiveStrength(double? requested)
    {
        if (Manifest.Strength is not { } s)
        {
            return null;
        }

        var value = requested ?? s.Default;
        if (!double.IsFinite(value) || value < s.Min || value > s.Max)
        {
            throw new OnnxEditorException($"The strength {value.ToString(CultureInfo.InvariantCulture)} is outside {s.Min.ToString(CultureInfo.InvariantCulture)}..{s.Max.ToString(CultureInfo.InvariantCulture)}, the range the manifest of '{Name}' allows.");
        }

        return value;
    }

    /// <summary>
    /// Edits aligned faces (the normaliser's output, any size: each is resized to the model's input) and returns the
    /// model's images at its output size, RGBA or Gray8, in input order.
    /// </summary>
    public IReadOnlyList<SKBitmap> Edit(IReadOnlyList<SKBitmap> faces, double? strength = null)
    {
        var value = EffectiveStrength(strength);
        var edited = new List<SKBitmap>(faces.Count);
        try
        {
            for (var start = 0; start < faces.Count; start += BatchSize)
            {
                edited.AddRange(Run(faces.Skip(start).Take(BatchSize).ToList(), value));
            }

            return edited;
        }
        catch
        {
            edited.ForEach(b => b.Dispose());
            throw;
        }
    }

    public SKBitmap Edit(SKBitmap face, double? strength = null) => Edit([face], strength)[0];

    /// <summary>
    /// Edits aligned faces and brings each to the study's square <paramref name="size"/> (and greyscale when asked), the
    /// form a variant is stored in.
    /// </summary>
    public IReadOnlyList<SKBitmap> EditToSize(IReadOnlyList<SKBitmap> faces, int size, bool greyscale, double? strength = null)
    {
        var edited = Edit(faces, strength);
        var result = new List<SKBitmap>(edited.Count);
        foreach (var image in edited)
        {
            using (image)
            {
                using var sized = image.Width == size && image.Height == size ? null : ImageTensors.Rgba(image, size, size);
                var source = sized ?? image;
                result.Add(greyscale ? Greyscale.ToGray8(source) : source.Copy());
            }
        }

        return result;
    }

    public void Dispose() => _session.Dispose();

    private List<SKBitmap> Run(IReadOnlyList<SKBitmap> faces, double? strength)
    {
        var spec = Manifest.Input!;
        var image = new DenseTensor<float>(spec.Shape(faces.Count));
        for (var i = 0; i < faces.Count; i++)
        {
            ImageTensors.Fill(faces[i], spec, image.Buffer.Span.Slice(i * spec.Length, spec.Length));
        }

        var inputs = new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor(spec.Name, image) };
        if (_strengthShape is not null)
        {
            var tensor = new DenseTensor<float>(_strengthShape);
            tensor.Buffer.Span.Fill((float)strength!.Value);
            inputs.Add(NamedOnnxValue.CreateFromTensor(Manifest.Strength!.Name, tensor));
        }

        var outputName = Manifest.Output!.Name;
        using var results = _session.Run(inputs, [outputName]);
        var output = results[0].AsTensor<float>();
        var dims = output.Dimensions.ToArray();
        var layout = Manifest.OutputLayout;
        var channels = dims.Length == 4 ? (layout == ImageLayout.Nchw ? dims[1] : dims[3]) : 0;
        if (dims.Length != 4 || dims[0] != faces.Count || channels is not (1 or 3))
        {
            throw new OnnxEditorException(
                $"The editor '{Name}' returned '{outputName}' with shape {ModelContract.Shape(dims)} for {faces.Count} face(s); expected [{faces.Count}, …] in {layout.ToString().ToUpperInvariant()} with 1 or 3 channels. Check the output name and layout in the manifest.");
        }

        var (height, width) = layout == ImageLayout.Nchw ? (dims[2], dims[3]) : (dims[1], dims[2]);
        var values = output is DenseTensor<float> dense ? dense.Buffer : output.ToArray();
        var span = values.Span;
        foreach (var v in span)
        {
            if (!float.IsFinite(v))
            {
                throw new OnnxEditorException($"The editor '{Name}' returned NaN or infinite values; its output is not an image. Check the input range in the manifest, or the export.");
            }
        }

        var perImage = channels * height * width;
        var bitmaps = new List<SKBitmap>(faces.Count);
        for (var i = 0; i < faces.Count; i++)
        {
            bitmaps.Add(ImageTensors.ToBitmap(span.Slice(i * perImage, perImage), layout, width, height, channels, Manifest.OutputRange));
        }

        return bitmaps;
    }

    private static (int Batch, int[]? Strength) Check(InferenceSession session, OnnxEditorManifest manifest)
    {
        var problems = new List<string>();
        var spec = manifest.Input!;
        ModelContract.CheckImageInput(session, spec, problems, batch: null);
        var batch = 1;
        if (session.InputMetadata.TryGetValue(spec.Name, out var input) && input.Dimensions.Length == 4)
        {
            var declared = input.Dimensions[0];
            if (declared > 1)
            {
                problems.Add($"The input '{spec.Name}' has a fixed batch of {declared}; export the editor with batch 1 or a dynamic batch.");
            }

            batch = declared <= 0 ? manifest.MaxBatch : 1;
        }

        int[]? strengthShape = null;
        if (manifest.Strength is { } strength)
        {
            if (!session.InputMetadata.TryGetValue(strength.Name, out var meta))
            {
                problems.Add($"The model has no input named '{strength.Name}' for the strength; its inputs are {ModelContract.Describe(session.InputMetadata)}.");
            }
            else if (!meta.IsTensor || meta.ElementDataType != TensorElementType.Float || meta.Dimensions.Length > 2 || meta.Dimensions.Any(d => d > 1))
            {
                problems.Add($"The strength input '{strength.Name}' is {meta.ElementDataType} {ModelContract.Shape(meta.Dimensions)}; it must be one float32 ([], [1] or [1, 1]).");
            }
            else
            {
                strengthShape = [.. meta.Dimensions.Select(_ => 1)];
            }
        }

        var described = new HashSet<string> { spec.Name };
        if (manifest.Strength is { } s)
        {
            described.Add(s.Name);
        }

        var others = session.InputMetadata.Keys.Where(k => !described.Contains(k)).ToList();
        if (others.Count > 0 && session.InputMetadata.ContainsKey(spec.Name))
        {
            problems.Add($"The model needs inputs the manifest does not describe ({string.Join(", ", others)}); an editor takes the image and, if it has one, a strength (\"strength\": {{ \"name\": ... }}).");
        }

        var outputName = manifest.Output!.Name;
        if (!session.OutputMetadata.TryGetValue(outputName, out var output))
        {
            problems.Add($"The model has no output named '{outputName}'; its outputs are {ModelContract.Describe(session.OutputMetadata)}.");
        }
        else if (!output.IsTensor || output.ElementDataType != TensorElementType.Float || output.Dimensions.Length != 4)
        {
            problems.Add($"The output '{outputName}' is {output.ElementDataType} {ModelContract.Shape(output.Dimensions)}; an editor must output a float32 image with 4 dimensions.");
        }
        else
        {
            var dims = output.Dimensions;
            var channels = manifest.OutputLayout == ImageLayout.Nchw ? dims[1] : dims[3];
            if (channels > 0 && channels is not (1 or 3))
            {
                problems.Add($"The output '{outputName}' has shape {ModelContract.Shape(dims)}: {channels} channels in {manifest.OutputLayout.ToString().ToUpperInvariant()}, but an edited image has 1 or 3. Set \"output.layout\" if it differs from the input's.");
            }
        }

        if (problems.Count > 0)
        {
            throw new OnnxEditorException(problems);
        }

        return (batch, strengthShape);
    }
}
