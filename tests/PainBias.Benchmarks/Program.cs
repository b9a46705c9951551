using PainBias.Benchmarks;

// Prints figures; asserts only the invariants. Usage:
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- [assessors] [concurrency]
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- imaging [rounds]
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- gpu [rounds] [cuda-device] [--dry-run-on-cpu]   (scripts/gpu-check.sh)
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- dashboard [N ...]   (scripts/bench-dashboard.sh installs R)
//     environment: BENCH_FACES (500), BENCH_RUNS (15), RSCRIPT (Rscript)
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- features [images]
if (args is ["dashboard", ..])
{
    int[] sizes = args.Length > 1 ? [.. args.Skip(1).Select(int.Parse)] : [10_000, 100_000, 1_000_000];
    return await PainBias.Benchmarks.Dashboard.DashboardRefresh.RunAsync(sizes,
        int.Parse(Environment.GetEnvironmentVariable("BENCH_FACES") ?? "500"),
        int.Parse(Environment.GetEnvironmentVariable("BENCH_RUNS") ?? "15"),
        Environment.GetEnvironmentVariable("RSCRIPT") ?? "Rscript");
}
if (args is ["imaging", ..])
    return ImagingThroughput.Run(args.Length > 1 ? int.Parse(args[1]) : 5);
if (args is ["gpu", ..])
{
    var numbers = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(int.Parse).ToList();
    return GpuCheck.Run(numbers.Count > 0 ? numbers[0] : 10, numbers.Count > 1 ? numbers[1] : 0, args.Contains("--dry-run-on-cpu"));
}
if (args is ["features", ..])
    return FeatureThroughput.Run(args.Length > 1 ? int.Parse(args[1]) : 20);
var assessors = args.Length > 0 ? int.Parse(args[0]) : 2000;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 200;
return await TaskThroughput.RunAsync(assessors, concurrency);
