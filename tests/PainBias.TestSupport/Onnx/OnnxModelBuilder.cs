using Google.Protobuf;
using Onnx;

namespace PainBias.TestSupport.Onnx;

/// <summary>
/// Writes small ONNX graphs for tests, so that ONNX Runtime runs real models whose right answers are known.
/// Dimensions are <see cref="int"/> (fixed) or <see cref="string"/> (symbolic, e.g. "batch").
/// </summary>
public sealed class OnnxModelBuilder
{
    private const int FloatType = (int)TensorProto.Types.DataType.Float;
    private readonly GraphProto graph = new() { Name = "painbias-test" };
    private readonly int opset;

    public OnnxModelBuilder(int opset = 13) => this.opset = opset;

    public OnnxModelBuilder Input(string name, params object[] dims)
    {
        graph.Input.Add(ValueInfo(name, dims));
        return this;
    }

    public OnnxModelBuilder Output(string name, params object[] dims)
    {
        graph.Output.Add(ValueInfo(name, dims));
        return this;
    }

    /// <summary>A constant float tensor the nodes can name as an input.</summary>
    public OnnxModelBuilder Constant(string name, long[] dims, params float[] values)
    {
        if (values.Length != dims.Aggregate(1L, (a, b) => a * b))
        {
            throw new ArgumentException($"{name}: {values.Length} values do not fill shape [{string.Join(",", dims)}].");
        }

        var tensor = new TensorProto { Name = name, DataType = FloatType };
        tensor.Dims.AddRange(dims);
        tensor.FloatData.AddRange(values);
        graph.Initializer.Add(tensor);
        return this;
    }

    public OnnxModelBuilder Node(string opType, string[] inputs, string[] outputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = $"{opType}_{graph.Node.Count}" };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return this;
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public byte[] ToBytes()
    {
        var model = new ModelProto { IrVersion = 8, ProducerName = "PainBias.TestSupport", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model.ToByteArray();
    }

    /// <summary>Writes the model to <paramref name="path"/> and returns the path.</summary>
    public string Save(string path)
    {
        File.WriteAllBytes(path, ToBytes());
        return path;
    }

    private static ValueInfoProto ValueInfo(string name, object[] dims)
    {
        var tensor = new TypeProto.Types.Tensor { ElemType = FloatType, Shape = new TensorShapeProto() };
        foreach (var dim in dims)
        {
            tensor.Shape.Dim.Add(dim switch
            {
                int value => new TensorShapeProto.Types.Dimension { DimValue = value },
                long value => new TensorShapeProto.Types.Dimension { DimValue = value },
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                _ => throw new ArgumentException($"Dimension {dim} of {name} must be an int or a symbol name."),
            });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = tensor } };
    }
}
