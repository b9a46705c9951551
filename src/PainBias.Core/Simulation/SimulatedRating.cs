using PainBias.Core.Statistics;

namespace PainBias.Core.Simulation;

/// <summary>
/// One simulated rating and how its assessor behaved. The ratings CSV has no place for the flags;
/// they are here for a bot crowd that must also answer the attention check and pace itself.
/// </summary>
public sealed record SimulatedRating(RatingObservation Observation, bool BySpeeder, bool FailedAttention);
