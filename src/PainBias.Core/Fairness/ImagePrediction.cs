using PainBias.Core.Domain;

namespace PainBias.Core.Fairness;

/// <summary>A model's pain prediction for one variant (out of fold, in an experiment).</summary>
public sealed record ImagePrediction(Guid VariantId, Guid FaceId, Condition Condition, Race PerceivedRace, AgeGroup PerceivedAge, double Prediction);
