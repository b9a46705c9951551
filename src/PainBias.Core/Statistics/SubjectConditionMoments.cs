using PainBias.Core.Domain;

namespace PainBias.Core.Statistics;

/// <summary>PSPI of one subject's (source face's) ratings in one condition, with what that variant is meant to show.</summary>
public sealed record SubjectConditionMoments(string SubjectId, Condition Condition, Race PerceivedRace, AgeGroup PerceivedAge, IntegerMoments Pspi);
