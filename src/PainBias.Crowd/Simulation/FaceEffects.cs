using System.Security.Cryptography;
using System.Text;
using PainBias.Core.Simulation;

namespace PainBias.Crowd.Simulation;

/// <summary>
/// Each source face's random effect, the same for every bot that sees any of its variants: drawn from a stream seeded
/// by the crowd's seed and the face key, so it does not depend on which bot arrives first.
/// </summary>
public sealed class FaceEffects(int seed, double sd)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, double> effects = new(StringComparer.Ordinal);

    public double Of(string faceKey) => effects.GetOrAdd(faceKey, key =>
    {
        // A stable hash (string.GetHashCode differs per process) of the seed and the key.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{key}"));
        return RatingDraw.Normal(new Random(BitConverter.ToInt32(hash, 0))) * sd;
    });
}
