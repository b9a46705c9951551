using PainBias.Benchmarks;

// Prints figures; asserts only the invariants. Usage:
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- [assessors] [concurrency]
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- imaging [rounds]
//   dotnet run -c Release --project tests/PainBias.Benchmarks -- features [images]
if (args is ["imaging", ..])
    return ImagingThroughput.Run(args.Length > 1 ? int.Parse(args[1]) : 5);
if (args is ["features", ..])
    return FeatureThroughput.Run(args.Length > 1 ? int.Parse(args[1]) : 20);
var assessors = args.Length > 0 ? int.Parse(args[0]) : 2000;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 200;
return await TaskThroughput.RunAsync(assessors, concurrency);
