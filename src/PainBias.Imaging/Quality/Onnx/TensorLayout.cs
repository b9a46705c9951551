namespace PainBias.Imaging.Quality.Onnx;

/// <summary>Order of a 4-D image tensor's axes: batch, channels, height, width (NCHW) or channels last (NHWC).</summary>
public enum TensorLayout
{
    Nchw,
    Nhwc,
}
