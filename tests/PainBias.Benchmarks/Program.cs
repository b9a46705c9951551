using PainBias.Benchmarks;

// Prints figures; asserts only the invariants. Usage:
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- [assessors] [concurrency]
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- imaging [rounds]
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- dashboard [N ...]   (scripts/bench-dashboard.sh installs R)
//     environment: BENCH_FACES (500), BENCH_RUNS (15), RSCRIPT (Rscript)
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
var assessors = args.Length > 0 ? int.Parse(args[0]) : 2000;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 200;
return await TaskThroughput.RunAsync(assessors, concurrency);
