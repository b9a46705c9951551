using PainBias.Core.Domain;

namespace PainBias.Crowd.Simulation;

/// <summary>
/// What a bot "sees" in an image it is shown. A person looks at the face; a bot is told, by the id the page carries,
/// which face and variant it is: the simulation's stand-in for eyes.
/// </summary>
public interface IBotPerception
{
    /// <summary>The face behind a rating page's variant, or null when the bot cannot know it.</summary>
    SeenFace? Face(Guid variantId);

    /// <summary>The expert's codes of a screening face: what a careful assessor would see in it.</summary>
    AuRating? Gold(Guid screeningItemId);
}

/// <summary>One variant as an assessor perceives it.</summary>
/// <param name="FaceKey">The source face: every variant of one face shares its random effect.</param>
/// <param name="Race">Perceived race (the source's, flipped by a skin-tone edit).</param>
/// <param name="Age">Perceived age group (the source's, flipped by an age edit).</param>
/// <param name="Edited">Whether the image was edited, for the image-quality question.</param>
public sealed record SeenFace(string FaceKey, Race Race, AgeGroup Age, bool Edited);

/// <summary>A perception from fixed tables, for callers that already hold them in memory.</summary>
public sealed class TablePerception(IReadOnlyDictionary<Guid, SeenFace> faces, IReadOnlyDictionary<Guid, AuRating> gold) : IBotPerception
{
    public SeenFace? Face(Guid variantId) => faces.GetValueOrDefault(variantId);

    public AuRating? Gold(Guid screeningItemId) => gold.GetValueOrDefault(screeningItemId);
}
