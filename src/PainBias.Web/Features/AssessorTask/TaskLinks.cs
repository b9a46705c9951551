using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using PainBias.Core.Domain;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// What a signed task link says: which study, which platform, who (a participant id), which language, and whether it
/// is a researcher's preview. <see cref="LinkId"/> names the stored single-use link it was issued as (null for previews
/// and links made before links were stored).
/// </summary>
public sealed record TaskLink(Guid StudyId, Platform Platform, string WorkerId, string Culture, bool Preview = false, Guid? LinkId = null);

/// <summary>
/// Signs and reads task links with Data Protection (keys in the database, so every web node reads every link).
/// A forged, altered or expired token reads as null.
/// </summary>
public sealed class TaskLinks(IDataProtectionProvider provider, IOptions<TaskOptions> options, TimeProvider clock)
{
    private readonly ITimeLimitedDataProtector protector = provider.CreateProtector("PainBias.TaskLink").ToTimeLimitedDataProtector();

    public string Create(TaskLink link) =>
        protector.Protect(JsonSerializer.Serialize(link), clock.GetUtcNow().AddDays(options.Value.LinkLifetimeDays));

    /// <summary>A link for a new participant of a study, with a random participant id.</summary>
    public string CreateForNewParticipant(Guid studyId, Platform platform, string culture, bool preview = false) =>
        Create(new TaskLink(studyId, platform, preview ? "preview-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) : NewParticipantId(), culture, preview));

    public static string NewParticipantId() => "P" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    public TaskLink? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
            return null;
        try
        {
            var link = JsonSerializer.Deserialize<TaskLink>(protector.Unprotect(token, out _));
            return link is { WorkerId.Length: > 0 } ? link : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
