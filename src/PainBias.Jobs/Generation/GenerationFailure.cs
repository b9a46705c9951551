using System.Text.Json.Serialization;
using PainBias.Core.Domain;

namespace PainBias.Jobs.Generation;

/// <summary>One (face, editor) item a run could not make, and why, in words the researcher can act on.</summary>
public sealed record GenerationFailure(
    string Face, [property: JsonConverter(typeof(JsonStringEnumConverter<Condition>))] Condition Condition, string Editor, string Message);
