namespace PainBias.Imaging.Inference;

/// <summary>Where ONNX models run in this process.</summary>
public enum InferenceDevice
{
    Cpu,
    Cuda,
}
