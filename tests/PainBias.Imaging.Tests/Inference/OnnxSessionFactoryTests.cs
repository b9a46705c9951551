using System.Security.Cryptography;
using PainBias.Imaging.Inference;
using PainBias.Imaging.Models;

namespace PainBias.Imaging.Tests.Inference;

public sealed class OnnxSessionFactoryTests
{
    [Fact]
    public void Forced_cpu_says_so_and_runs_the_detector()
    {
        var factory = new OnnxSessionFactory(new InferenceOptions { PreferCuda = false });

        using var session = factory.Create(BlazeFaceModel.GetBytes());

        Assert.Equal(InferenceDevice.Cpu, factory.Device);
        Assert.NotNull(factory.CudaUnavailableReason);
        Assert.Equal([1, 128, 128, 3], session.InputMetadata["input:0"].Dimensions);
    }

    [Fact]
    public void The_device_in_use_is_explained()
    {
        var factory = new OnnxSessionFactory();

        using var session = factory.Create(BlazeFaceModel.GetBytes());

        // On a machine without a CUDA runtime the reason must be given; with one, CUDA carries no reason.
        Assert.Equal(factory.Device == InferenceDevice.Cpu, factory.CudaUnavailableReason is not null);
        Assert.Equal(4, session.OutputMetadata.Count);
    }

    [Fact]
    public void Without_the_cuda_libraries_the_reason_names_the_missing_one()
    {
        var missing = OnnxSessionFactory.CudaLibraries.FirstOrDefault(name => !System.Runtime.InteropServices.NativeLibrary.TryLoad(name, out _));
        if (missing is null)
            return; // A machine with the CUDA runtime: the other tests cover it.

        var factory = new OnnxSessionFactory();

        Assert.Equal(InferenceDevice.Cpu, factory.Device);
        Assert.Contains(missing, factory.CudaUnavailableReason);
    }

    [Fact]
    public void The_model_and_its_licence_reach_a_consumer_output_folder()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Models");
        var onnx = Path.Combine(folder, BlazeFaceModel.FileName);

        Assert.True(File.Exists(Path.Combine(folder, "LICENSE-blazeface-Apache-2.0.txt")));
        Assert.True(File.Exists(Path.Combine(folder, "NOTICE.md")));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(onnx))), BlazeFaceModel.Sha256);
    }
}
