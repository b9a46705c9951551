using PainBias.Imaging.Decoding;
using PainBias.Imaging;
using PainBias.Web.Features.Account;
using PainBias.Web.Features.Admin;
using PainBias.Web.Features.AssessorTask;
using PainBias.Web.Features.Credamo;
using PainBias.Web.Features.Crowd;
using PainBias.Web.Features.Dashboard;
using PainBias.Web.Features.Demo;
using PainBias.Web.Features.Exports;
using PainBias.Web.Features.Fairness;
using PainBias.Web.Features.Images;
using PainBias.Web.Features.Quality;
using PainBias.Web.Features.Simulation;
using PainBias.Web.Features.Studies;
using PainBias.Web.Features.VariantGeneration;
using PainBias.Web.Features.VariantImport;
using PainBias.Web.Features.Workers;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features;

public static class FeatureRegistration
{
    /// <summary>Every feature's handlers and options, listed explicitly.</summary>
    public static IServiceCollection AddPainBiasFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>().Bind(configuration.GetSection(AdminOptions.Section))
            .Validate(o => o.Email.Contains('@'), "Admin:Email must be an e-mail address.").ValidateOnStart();
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.Section));
        services.AddOptions<UploadOptions>().Bind(configuration.GetSection(UploadOptions.Section))
            .Validate(o => o.MaxImageBytes is > 0 and <= 200L * 1024 * 1024, "Uploads:MaxImageBytes must be 1 byte..200 MB.").ValidateOnStart();

        services.AddSingleton<AdminLogin>();
        services.AddScoped<AccountSeeder>();
        services.AddScoped<DemoStudySeeder>();
        services.AddScoped<CreateStudy.Handler>();
        services.AddScoped<UploadSourceFace.Handler>();
        services.AddScoped<StudyQueries>();
        services.AddScoped<ImageAccess>();
        services.AddScoped<ExportRatings>();
        services.AddScoped<UserAdministration>();

        services.AddOptions<TaskOptions>().Bind(configuration.GetSection(TaskOptions.Section))
            .Validate(o => o.LinkLifetimeDays is >= 1 and <= 3650, "Task:LinkLifetimeDays must be 1..3650.")
            .Validate(o => o.MTurkWorkerSites.All(MTurkHosts.IsOrigin), "Task:MTurkWorkerSites must be origins like https://host:port.").ValidateOnStart();
        services.AddSingleton<TaskLinks>();
        services.AddSingleton<TaskSessionBinding>();
        services.AddScoped<StartTask.Handler>();
        services.AddScoped<SubmitRating.Handler>();
        services.AddScoped<SubmitScreening.Handler>();
        services.AddScoped<AddGoldItem.Handler>();
        services.AddScoped<PainBias.Web.Features.StudySettings.SaveStudySettings.Handler>();
        services.AddScoped<PainBias.Web.Features.StudySettings.GoldItems>();
        services.AddScoped<TaskFlow>();
        services.AddScoped<SessionImage>();
        services.AddScoped<CreateTaskLinks.Handler>();
        services.AddTaskFraming();
        services.AddCredamoBridge();
        services.AddWorkerAdministration(configuration);
        services.AddSimulation();
        services.AddCrowdFeature();
        services.AddVariantImport(configuration);
        services.AddQualityReports();
        services.AddVariantGenerationFeature();
        services.AddDashboard();
        services.AddFairnessFeature();
        return services;
    }

    /// <summary>Imaging settings whose decoder accepts exactly the upload limit the pages announce.</summary>
    public static ImagingOptions ImagingForUploads(this IConfiguration configuration)
    {
        var uploads = configuration.GetSection(UploadOptions.Section).Get<UploadOptions>() ?? new UploadOptions();
        return new ImagingOptions { Decoder = ImageDecoderOptions.Default with { MaxBytes = uploads.MaxImageBytes } };
    }

    public static WebApplication MapFeatureEndpoints(this WebApplication app)
    {
        app.MapAccountEndpoints();
        app.MapImageEndpoints();
        app.MapExportEndpoints();
        app.MapStudyEndpoints();
        app.MapTaskEndpoints();
        app.MapCredamoBridge();
        app.MapVariantImportEndpoints();
        app.MapQualityEndpoints();
        app.MapVariantGenerationEndpoints();
        app.MapDashboardEndpoints();
        app.MapFairnessEndpoints();
        return app;
    }
}
