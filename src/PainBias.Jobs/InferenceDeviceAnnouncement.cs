using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PainBias.Imaging.Inference;

namespace PainBias.Jobs;

/// <summary>Decides the ONNX Runtime device once at start (CUDA or CPU) and logs it, with the reason when CUDA is not used.</summary>
internal sealed class InferenceDeviceAnnouncement(OnnxSessionFactory sessions, ILogger<InferenceDeviceAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (sessions.Device == InferenceDevice.Cuda)
            logger.LogInformation("ONNX Runtime uses the CUDA execution provider");
        else
            logger.LogInformation("ONNX Runtime uses the CPU execution provider ({Reason})", sessions.CudaUnavailableReason);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
