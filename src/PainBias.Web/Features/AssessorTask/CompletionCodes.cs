using System.Security.Cryptography;

namespace PainBias.Web.Features.AssessorTask;

public static class CompletionCodes
{
    /// <summary>Ten characters without look-alikes (no 0/O, 1/I/L), easy to copy from a phone.</summary>
    public static string New() => RandomNumberGenerator.GetString("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 10);
}
