namespace PainBias.Data.Entities;

/// <summary>Where a background analysis stands. Only Succeeded rows carry a result; Failed rows carry the reason.</summary>
public enum AnalysisStatus { Queued, Running, Succeeded, Failed }
