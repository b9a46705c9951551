using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Studies;

/// <summary>
/// The checks every researcher ONNX upload shares (check models, editors, audited pain models) before its own manifest
/// is read: the study is the actor's, both files are attached, and the model fits the upload limit.
/// </summary>
public static class ModelUpload
{
    public const string StudyNotFound = "Study not found, or it is not yours.";

    /// <summary>True, with the one problem to report, when the upload cannot go on; false means the manifest is there.</summary>
    public static bool Refuses([NotNullWhen(false)] string? manifestJson, string manifestHint, byte[] model, long maxBytes,
        [NotNullWhen(true)] out string? problem)
    {
        if (string.IsNullOrWhiteSpace(manifestJson))
        {
            problem = $"Attach the manifest ({manifestHint}).";
            return true;
        }

        problem = model.Length == 0 ? "Attach the .onnx model file."
            : model.Length > maxBytes ? $"The model is {model.Length / 1048576.0:0.#} MB; the limit is {maxBytes / 1048576.0:0.#} MB."
            : null;
        return problem is not null;
    }

    public static Task<bool> StudyVisibleAsync(PainBiasDbContext db, Guid studyId, Actor actor, CancellationToken cancellationToken) =>
        db.Studies.VisibleTo(actor).AnyAsync(s => s.Id == studyId, cancellationToken);
}
