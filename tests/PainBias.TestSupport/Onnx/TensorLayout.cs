namespace PainBias.TestSupport.Onnx;

/// <summary>Where the channel axis of an image tensor sits.</summary>
public enum TensorLayout
{
    Nchw,
    Nhwc,
}
