namespace PainBias.Imaging.Faces;

/// <summary>Turns BlazeFace's raw scores and regressors into candidate faces in image pixels.</summary>
public static class BlazeFaceDecoder
{
    /// <summary>Regressors are in model-input pixels; anchors are normalised.</summary>
    public const float Scale = BlazeFaceAnchors.InputSize;

    public const int ValuesPerAnchor = 4 + (2 * FaceDetection.KeypointCount);

    // MediaPipe clips logits so that the sigmoid never sees overflow-sized values.
    private const float ScoreClip = 100f;

    public static float Sigmoid(float logit)
    {
        var clipped = Math.Clamp(logit, -ScoreClip, ScoreClip);
        return 1f / (1f + MathF.Exp(-clipped));
    }

    /// <param name="logits">One raw score per anchor.</param>
    /// <param name="regressors"><see cref="ValuesPerAnchor"/> values per anchor: centre x, y, width, height, then keypoint x, y pairs.</param>
    public static List<FaceDetection> Decode(
        ReadOnlySpan<float> logits,
        ReadOnlySpan<float> regressors,
        ReadOnlySpan<Anchor> anchors,
        float minScore,
        Letterbox letterbox)
    {
        if (logits.Length != anchors.Length || regressors.Length != anchors.Length * ValuesPerAnchor)
        {
            throw new ArgumentException($"Expected {anchors.Length} scores and {anchors.Length * ValuesPerAnchor} regressors, got {logits.Length} and {regressors.Length}.");
        }

        var found = new List<FaceDetection>();
        for (var i = 0; i < anchors.Length; i++)
        {
            var score = Sigmoid(logits[i]);
            if (score < minScore)
            {
                continue;
            }

            var r = regressors.Slice(i * ValuesPerAnchor, ValuesPerAnchor);
            var anchor = anchors[i];
            var cx = (r[0] / Scale) + anchor.CentreX;
            var cy = (r[1] / Scale) + anchor.CentreY;
            var w = r[2] / Scale;
            var h = r[3] / Scale;
            var topLeft = letterbox.ToImage(cx - (w / 2), cy - (h / 2));
            var box = new FaceBox(topLeft.X, topLeft.Y, w * letterbox.Side, h * letterbox.Side);

            var keypoints = new FacePoint[FaceDetection.KeypointCount];
            for (var k = 0; k < keypoints.Length; k++)
            {
                keypoints[k] = letterbox.ToImage((r[4 + (2 * k)] / Scale) + anchor.CentreX, (r[5 + (2 * k)] / Scale) + anchor.CentreY);
            }

            found.Add(new FaceDetection(box, score, keypoints));
        }

        return found;
    }
}
