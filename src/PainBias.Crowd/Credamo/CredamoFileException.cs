namespace PainBias.Crowd.Credamo;

/// <summary>A Credamo file that cannot be read as it is; the message says what is wrong and what to do.</summary>
public sealed class CredamoFileException(string message) : Exception(message);
