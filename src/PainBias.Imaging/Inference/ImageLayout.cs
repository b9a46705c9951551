namespace PainBias.Imaging.Inference;

/// <summary>Order of a 4-D image tensor's axes: batch, channels, height, width (NCHW) or channels last (NHWC).</summary>
public enum ImageLayout
{
    Nchw,
    Nhwc,
}
