using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using PainBias.Core.Statistics;
using PainBias.Data.Events;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Dashboard;

/// <summary>
/// The live researcher dashboard. Subscribes to its study's changes after the first render (the Aspire-dashboard
/// way) and refreshes through a <see cref="RefreshThrottle"/>, so a burst of ratings costs one recompute per interval.
/// </summary>
public partial class Dashboard : ComponentBase, IDisposable
{
    public const int RefreshSeconds = 2;

    [Parameter] public Guid StudyId { get; set; }

    /// <summary>The researcher's target precision, kept in the address so a bookmark keeps it.</summary>
    [SupplyParameterFromQuery(Name = "precision")] public double? Precision { get; set; }

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject] private DashboardQueries Queries { get; set; } = default!;
    [Inject] private StudyChangeHub Changes { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ILogger<Dashboard> Logger { get; set; } = default!;

    private DashboardView? view;
    private bool loaded;
    private bool live;
    private int version;
    private double? targetHalfWidth;
    private Sample sample = Sample.All;
    private IDisposable? subscription;
    private RefreshThrottle? throttle;
    private Actor? actor;

    protected override async Task OnParametersSetAsync()
    {
        targetHalfWidth = Precision is > 0 ? Precision : null;
        actor ??= Actor.From((await AuthenticationState).User);
        await LoadAsync();
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (!firstRender || subscription is not null)
            return;
        throttle = new RefreshThrottle(TimeSpan.FromSeconds(RefreshSeconds), Clock, () => InvokeAsync(async () =>
        {
            try
            {
                await LoadAsync();
                StateHasChanged();
            }
            catch (Exception ex)
            {
                // A failed refresh leaves the last numbers on screen; the next change tries again.
                Logger.LogWarning(ex, "Dashboard refresh of study {StudyId} failed", StudyId);
            }
        }));
        subscription = Changes.Subscribe(StudyId, throttle.Signal);
        live = true;
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        view = await Queries.GetAsync(StudyId, actor!, targetHalfWidth, CancellationToken.None);
        loaded = true;
        version++;
    }

    private Task TargetChangedAsync(double? value)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("precision", value is > 0 ? value : null), replace: true);
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        subscription?.Dispose();
        throttle?.Dispose();
    }
}
