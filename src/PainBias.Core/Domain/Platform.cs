namespace PainBias.Core.Domain;

/// <summary>Where an assessor came from.</summary>
public enum Platform { MTurk, Credamo, Direct }
