using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using PainBias.Imaging.Inference;
using PainBias.TestSupport.Onnx;

namespace PainBias.Imaging.Tests.Inference;

/// <summary>The test-built models must compute what their descriptions promise, or every test built on them lies.</summary>
public sealed class TinyOnnxModelsTests
{
    private static readonly OnnxSessionFactory Cpu = new(new InferenceOptions { PreferCuda = false });

    [Theory]
    [InlineData(TensorLayout.Nchw)]
    [InlineData(TensorLayout.Nhwc)]
    public void Channel_affine_scales_and_shifts_each_channel_in_either_layout(TensorLayout layout)
    {
        using var session = Cpu.Create(TinyOnnxModels.ChannelAffine(layout, 2, [2f, 1f, 0f], [0f, 0.5f, 1f]).ToBytes());
        var input = Image(layout, batch: 2, size: 2, (n, c, i) => n + (c * 10) + i);

        var output = Run(session, ("input", input))[0];

        for (var n = 0; n < 2; n++)
        {
            for (var i = 0; i < 4; i++)
            {
                Assert.Equal(2f * input.GetValue(Index(layout, n, 0, i, 2)), output.GetValue(Index(layout, n, 0, i, 2)));
                Assert.Equal(input.GetValue(Index(layout, n, 1, i, 2)) + 0.5f, output.GetValue(Index(layout, n, 1, i, 2)));
                Assert.Equal(1f, output.GetValue(Index(layout, n, 2, i, 2)));
            }
        }
    }

    [Fact]
    public void Strength_input_scales_the_shift()
    {
        using var session = Cpu.Create(TinyOnnxModels.ChannelShiftWithStrength(TensorLayout.Nchw, 2, [1f, 2f, 3f]).ToBytes());
        var input = Image(TensorLayout.Nchw, 1, 2, (_, _, _) => 0.25f);

        var output = Run(session, ("input", input), ("strength", new DenseTensor<float>(new[] { 0.5f }, [1])))[0];

        Assert.Equal(0.25f + 0.5f, output.GetValue(Index(TensorLayout.Nchw, 0, 0, 3, 2)));
        Assert.Equal(0.25f + 1.5f, output.GetValue(Index(TensorLayout.Nchw, 0, 2, 0, 2)));
    }

    [Theory]
    [InlineData(TensorLayout.Nchw)]
    [InlineData(TensorLayout.Nhwc)]
    public void Regressor_weights_the_channel_means(TensorLayout layout)
    {
        using var session = Cpu.Create(TinyOnnxModels.ChannelMeanRegressor(layout, 2, [1f, 2f, 3f], 0.5f).ToBytes());
        var input = Image(layout, 1, 2, (_, c, i) => c + (i % 2)); // channel means c + 0.5

        var output = Run(session, ("input", input))[0];

        Assert.Equal([1, 1], output.Dimensions.ToArray());
        Assert.Equal((1 * 0.5f) + (2 * 1.5f) + (3 * 2.5f) + 0.5f, output[0, 0], 5);
    }

    [Fact]
    public void Embedding_is_the_channel_means_and_nan_model_gives_nan()
    {
        using var embedding = Cpu.Create(TinyOnnxModels.ChannelMeanEmbedding(TensorLayout.Nhwc, 2).ToBytes());
        using var nan = Cpu.Create(TinyOnnxModels.NaNImage(TensorLayout.Nhwc, 2).ToBytes());
        var input = Image(TensorLayout.Nhwc, 1, 2, (_, c, _) => c * 0.1f);

        var vector = Run(embedding, ("input", input))[0];
        var nans = Run(nan, ("input", input))[0];

        Assert.Equal([1, 3], vector.Dimensions.ToArray());
        Assert.Equal(0.2f, vector[0, 2], 6);
        Assert.All(nans.ToArray(), v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void Fixed_batch_and_wrong_shapes_are_what_the_model_declares()
    {
        using var session = Cpu.Create(TinyOnnxModels.ChannelAffine(TensorLayout.Nhwc, 4, [1, 1, 1], [0, 0, 0], "pixels", "edited", dynamicBatch: false).ToBytes());

        Assert.Equal([1, 4, 4, 3], session.InputMetadata["pixels"].Dimensions);
        Assert.Equal("edited", Assert.Single(session.OutputMetadata).Key);
        Assert.Throws<ArgumentException>(() => TinyOnnxModels.ChannelAffine(TensorLayout.Nchw, 2, [1, 1], [0, 0, 0]));
    }

    private static DenseTensor<float> Image(TensorLayout layout, int batch, int size, Func<int, int, int, float> value)
    {
        var dims = TinyOnnxModels.ImageDims(layout, size, batch).Select(Convert.ToInt32).ToArray();
        var tensor = new DenseTensor<float>(dims);
        for (var n = 0; n < batch; n++)
        {
            for (var c = 0; c < 3; c++)
            {
                for (var i = 0; i < size * size; i++)
                {
                    tensor.SetValue(Index(layout, n, c, i, size), value(n, c, i));
                }
            }
        }

        return tensor;
    }

    private static int Index(TensorLayout layout, int n, int c, int pixel, int size) =>
        layout == TensorLayout.Nchw ? (((n * 3) + c) * size * size) + pixel : (((n * size * size) + pixel) * 3) + c;

    private static List<DenseTensor<float>> Run(InferenceSession session, params (string Name, DenseTensor<float> Value)[] inputs)
    {
        using var results = session.Run(inputs.Select(i => NamedOnnxValue.CreateFromTensor(i.Name, i.Value)).ToList());
        return results.Select(r => r.AsTensor<float>().ToDenseTensor()).ToList();
    }
}
