namespace PainBias.Core.Fairness;

/// <summary>The data cannot support the experiment or audit; the message says what is wrong and where.</summary>
public sealed class FairnessDataException(string message) : Exception(message);
