namespace PainBias.Imaging.Faces;

/// <summary>
/// MediaPipe's weighted non-maximum suppression: each surviving face is the score-weighted mean of the
/// candidates that overlap the strongest one, which steadies boxes and keypoints between near-identical images.
/// </summary>
public static class WeightedNms
{
    public static IReadOnlyList<FaceDetection> Apply(IEnumerable<FaceDetection> candidates, float iouThreshold)
    {
        var remaining = candidates.OrderByDescending(c => c.Score).ToList();
        var kept = new List<FaceDetection>();
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            var cluster = remaining.Where(c => best.Box.IntersectionOverUnion(c.Box) > iouThreshold).ToList();
            if (cluster.Count == 0)
            {
                // A degenerate box overlaps nothing, not even itself; keep it alone rather than loop forever.
                cluster.Add(best);
            }

            remaining.RemoveAll(cluster.Contains);
            kept.Add(Merge(best.Score, cluster));
        }

        return kept;
    }

    private static FaceDetection Merge(float score, List<FaceDetection> cluster)
    {
        if (cluster.Count == 1)
        {
            return cluster[0];
        }

        float total = 0, x = 0, y = 0, w = 0, h = 0;
        var keypointCount = cluster[0].Keypoints.Count;
        var kx = new float[keypointCount];
        var ky = new float[keypointCount];
        foreach (var c in cluster)
        {
            total += c.Score;
            x += c.Box.X * c.Score;
            y += c.Box.Y * c.Score;
            w += c.Box.Width * c.Score;
            h += c.Box.Height * c.Score;
            for (var k = 0; k < keypointCount; k++)
            {
                kx[k] += c.Keypoints[k].X * c.Score;
                ky[k] += c.Keypoints[k].Y * c.Score;
            }
        }

        var keypoints = new FacePoint[keypointCount];
        for (var k = 0; k < keypointCount; k++)
        {
            keypoints[k] = new FacePoint(kx[k] / total, ky[k] / total);
        }

        return new FaceDetection(new FaceBox(x / total, y / total, w / total, h / total), score, keypoints);
    }
}
