namespace PainBias.TestSupport.Onnx;

/// <summary>
/// Ready-made image models with answers known in closed form. All take a float image tensor of
/// <paramref name="size"/>×size×3 in the given layout with a symbolic batch dimension ("batch") unless said otherwise.
/// </summary>
public static class TinyOnnxModels
{
    /// <summary>output = input.</summary>
    public static OnnxModelBuilder Identity(TensorLayout layout, int size, string input = "input", string output = "output") =>
        new OnnxModelBuilder()
            .Input(input, ImageDims(layout, size, "batch"))
            .Output(output, ImageDims(layout, size, "batch"))
            .Node("Identity", [input], [output]);

    /// <summary>output[c] = input[c] · scale[c] + offset[c], per colour channel (an image-to-image "editor").</summary>
    public static OnnxModelBuilder ChannelAffine(TensorLayout layout, int size, float[] scale, float[] offset,
        string input = "input", string output = "output", bool dynamicBatch = true)
    {
        object batch = dynamicBatch ? "batch" : 1;
        return new OnnxModelBuilder()
            .Input(input, ImageDims(layout, size, batch))
            .Output(output, ImageDims(layout, size, batch))
            .Constant("scale", ChannelDims(layout), Three(scale, nameof(scale)))
            .Constant("offset", ChannelDims(layout), Three(offset, nameof(offset)))
            .Node("Mul", [input, "scale"], ["scaled"])
            .Node("Add", ["scaled", "offset"], [output]);
    }

    /// <summary>
    /// output[c] = input[c] + strength · delta[c]; <c>strength</c> is a second input of shape [1], as editors with a
    /// strength knob take it.
    /// </summary>
    public static OnnxModelBuilder ChannelShiftWithStrength(TensorLayout layout, int size, float[] delta,
        string input = "input", string strength = "strength", string output = "output") =>
        new OnnxModelBuilder()
            .Input(input, ImageDims(layout, size, "batch"))
            .Input(strength, 1)
            .Output(output, ImageDims(layout, size, "batch"))
            .Constant("delta", ChannelDims(layout), Three(delta, nameof(delta)))
            .Node("Mul", [strength, "delta"], ["shift"])
            .Node("Add", [input, "shift"], [output]);

    /// <summary>
    /// A "pain model": output [batch, 1] = Σ_c weights[c] · mean(channel c) + bias. With equal weights it sees only
    /// brightness; with weights (0,0,0) it ignores the image entirely.
    /// </summary>
    public static OnnxModelBuilder ChannelMeanRegressor(TensorLayout layout, int size, float[] weights, float bias,
        string input = "input", string output = "output") =>
        new OnnxModelBuilder()
            .Input(input, ImageDims(layout, size, "batch"))
            .Output(output, "batch", 1)
            .Constant("weights", [3, 1], Three(weights, nameof(weights)))
            .Constant("bias", [1], bias)
            .Node("ReduceMean", [input], ["means"], OnnxModelBuilder.Ints("axes", SpatialAxes(layout)), OnnxModelBuilder.Int("keepdims", 0))
            .Node("MatMul", ["means", "weights"], ["weighted"])
            .Node("Add", ["weighted", "bias"], [output]);

    /// <summary>An "embedding" [batch, 3] of per-channel means, e.g. a stand-in face-verification model.</summary>
    public static OnnxModelBuilder ChannelMeanEmbedding(TensorLayout layout, int size, string input = "input", string output = "embedding") =>
        new OnnxModelBuilder()
            .Input(input, ImageDims(layout, size, "batch"))
            .Output(output, "batch", 3)
            .Node("ReduceMean", [input], [output], OnnxModelBuilder.Ints("axes", SpatialAxes(layout)), OnnxModelBuilder.Int("keepdims", 0));

    /// <summary>Returns NaN everywhere (input · NaN): for testing that bad model output is refused.</summary>
    public static OnnxModelBuilder NaNImage(TensorLayout layout, int size, string input = "input", string output = "output") =>
        new OnnxModelBuilder()
            .Input(input, ImageDims(layout, size, "batch"))
            .Output(output, ImageDims(layout, size, "batch"))
            .Constant("nan", [1], float.NaN)
            .Node("Mul", [input, "nan"], [output]);

    public static object[] ImageDims(TensorLayout layout, int size, object batch) =>
        layout == TensorLayout.Nchw ? [batch, 3, size, size] : [batch, size, size, 3];

    private static long[] ChannelDims(TensorLayout layout) => layout == TensorLayout.Nchw ? [1, 3, 1, 1] : [1, 1, 1, 3];

    private static long[] SpatialAxes(TensorLayout layout) => layout == TensorLayout.Nchw ? [2, 3] : [1, 2];

    private static float[] Three(float[] values, string name) =>
        values.Length == 3 ? values : throw new ArgumentException($"{name} needs one value per colour channel (3).", name);
}
