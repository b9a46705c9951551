using System.Text.Json.Serialization;
using PainBias.Core.Domain;
using PainBias.Data.Entities;
using PainBias.Jobs.Generation;

namespace PainBias.Web.Features.VariantGeneration;

/// <summary>A study's editors, its recent generation runs with progress, and every variant with its provenance.</summary>
public sealed record GenerationView(
    Guid StudyId, string StudyName, int ImageSize, bool Greyscale, int Faces,
    IReadOnlyList<EditorRow> Editors, IReadOnlyList<RunRow> Runs, IReadOnlyList<VariantRow> Variants);

public sealed record EditorRow(
    Guid Id, string Name, [property: JsonConverter(typeof(JsonStringEnumConverter<Condition>))] Condition Condition,
    string ModelSha256, string? FileName, string? StrengthInput, DateTime CreatedAt);

public sealed record RunRow(
    Guid Id, [property: JsonConverter(typeof(JsonStringEnumConverter<GenerationState>))] GenerationState State,
    int Total, int Created, int Skipped, int Failed, IReadOnlyList<GenerationFailure> Failures, string? Error, string? Node,
    DateTime RequestedAt, DateTime? StartedAt, DateTime? FinishedAt, GenerationRequest Request)
{
    public bool InProgress => State is GenerationState.Queued or GenerationState.Running;

    public int Done => Created + Skipped + Failed;
}

public sealed record VariantRow(
    Guid Id, Guid FaceId, string Face, [property: JsonConverter(typeof(JsonStringEnumConverter<Condition>))] Condition Condition,
    string ImageSha256, string Editor, string? ModelSha256, string? ParametersJson, int? Seed, string? Node, DateTime CreatedAt);
