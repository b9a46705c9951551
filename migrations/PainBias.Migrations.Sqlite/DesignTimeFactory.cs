using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using PainBias.Data;

namespace PainBias.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the context for SQLite without a host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PainBiasDbContext>
{
    public PainBiasDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PainBiasDbContext>();
        DataServiceCollectionExtensions.Configure(builder, ResolvedDatabase.From(
            new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = Path.GetTempPath() }, null));
        return new PainBiasDbContext(builder.Options);
    }
}
