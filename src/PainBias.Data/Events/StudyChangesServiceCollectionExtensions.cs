using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PainBias.Data.Events;

public static class StudyChangesServiceCollectionExtensions
{
    /// <summary>
    /// Study-change announcements: the SaveChanges interceptor, this node's hub, and the transport — in-process when
    /// embedded, NOTIFY with PostgreSQL. Nodes that show live pages add <see cref="AddStudyChangeListener"/> as well.
    /// </summary>
    public static IServiceCollection AddStudyChanges(this IServiceCollection services, ResolvedDatabase database)
    {
        services.TryAddSingleton<StudyChangeHub>();
        services.TryAddSingleton<StudyChangeInterceptor>();
        if (database.Provider == DatabaseProvider.Postgres)
            services.TryAddSingleton<IStudyChangePublisher, PostgresStudyChangePublisher>();
        else
            services.TryAddSingleton<IStudyChangePublisher, InProcessStudyChangePublisher>();
        return services;
    }

    /// <summary>The LISTEN loop that feeds this node's hub from every node's NOTIFYs (it does nothing when embedded).</summary>
    public static IServiceCollection AddStudyChangeListener(this IServiceCollection services)
    {
        services.TryAddSingleton<PostgresStudyChangeListener>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgresStudyChangeListener>());
        return services;
    }
}
