using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PainBias.Data;

namespace PainBias.Migrations.Postgres;

/// <summary>Lets `dotnet ef` build the context for PostgreSQL without a host; no server is contacted to add a migration.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PainBiasDbContext>
{
    public PainBiasDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PainBiasDbContext>();
        DataServiceCollectionExtensions.Configure(builder, ResolvedDatabase.From(
            new DatabaseOptions { Provider = DatabaseProvider.Postgres },
            "Host=localhost;Database=painbias_design;Username=postgres"));
        return new PainBiasDbContext(builder.Options);
    }
}
