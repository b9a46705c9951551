using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace PainBias.Imaging.Inference;

/// <summary>
/// Builds long-lived ONNX Runtime sessions on one device chosen once: CUDA when its runtime loads,
/// otherwise CPU. The choice and the reason for a fallback are exposed so that hosts can log them.
/// </summary>
public sealed class OnnxSessionFactory
{
    private readonly InferenceOptions _options;
    private readonly Lock _gate = new();

    public OnnxSessionFactory(InferenceOptions options)
    {
        _options = options;
        (Device, CudaUnavailableReason) = options.PreferCuda ? ProbeCuda(options.CudaDeviceId) : (InferenceDevice.Cpu, "CUDA not requested");
    }

    public OnnxSessionFactory() : this(InferenceOptions.Default)
    {
    }

    public InferenceDevice Device { get; private set; }

    /// <summary>Why CUDA is not used, when it is not; null while on CUDA.</summary>
    public string? CudaUnavailableReason { get; private set; }

    public InferenceSession Create(string modelPath) => Create(so => new InferenceSession(modelPath, so));

    public InferenceSession Create(byte[] model) => Create(so => new InferenceSession(model, so));

    private InferenceSession Create(Func<SessionOptions, InferenceSession> build)
    {
        if (Device == InferenceDevice.Cuda)
        {
            try
            {
                using var cuda = NewOptions(InferenceDevice.Cuda);
                return build(cuda);
            }
            catch (OnnxRuntimeException e)
            {
                // The provider library loaded but the device did not take the model: stay on CPU from now on.
                lock (_gate)
                {
                    Device = InferenceDevice.Cpu;
                    CudaUnavailableReason = $"CUDA session creation failed: {e.Message}";
                }
            }
        }

        using var cpu = NewOptions(InferenceDevice.Cpu);
        return build(cpu);
    }

    private SessionOptions NewOptions(InferenceDevice device)
    {
        var so = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            // Converted models carry unused initialisers; their warnings would drown the host's log.
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (_options.IntraOpThreads > 0)
        {
            so.IntraOpNumThreads = _options.IntraOpThreads;
        }

        if (device == InferenceDevice.Cuda)
        {
            so.AppendExecutionProvider_CUDA(_options.CudaDeviceId);
        }

        return so;
    }

    /// <summary>The driver and CUDA libraries the CUDA provider library links against (its ELF NEEDED entries).</summary>
    public static readonly IReadOnlyList<string> CudaLibraries = ["libcuda.so.1", "libcudart.so.13", "libcublas.so.13", "libcublasLt.so.13", "libcurand.so.10"];

    private static (InferenceDevice, string?) ProbeCuda(int deviceId)
    {
        // ONNX Runtime prints a red error line to stderr when the provider's dependencies are missing, on every start
        // of every host and CLI call on a CPU machine; looking for them first keeps that case quiet and says which one.
        if (OperatingSystem.IsLinux() && CudaLibraries.FirstOrDefault(name => !NativeLibrary.TryLoad(name, out _)) is { } missing)
            return (InferenceDevice.Cpu, $"no CUDA runtime: {missing} is not on the library path (the CUDA provider needs the NVIDIA driver, CUDA 13 and cuDNN 9)");

        try
        {
            // Appending loads the provider library and its CUDA dependencies: the cheapest honest probe.
            using var so = new SessionOptions();
            so.AppendExecutionProvider_CUDA(deviceId);
            return (InferenceDevice.Cuda, null);
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or EntryPointNotFoundException)
        {
            return (InferenceDevice.Cpu, e.Message);
        }
    }
}
