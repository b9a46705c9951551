namespace PainBias.Imaging.Faces;

/// <summary>
/// MediaPipe's SSD anchor generation as configured for BlazeFace short range: four layers with strides
/// 8, 16, 16, 16 and two unit anchors per layer; consecutive layers with one stride share a grid, giving
/// 16×16×2 + 8×8×6 = 896 anchors in the order the model's outputs use.
/// </summary>
public static class BlazeFaceAnchors
{
    public const int InputSize = 128;

    private static readonly int[] ShortRangeStrides = [8, 16, 16, 16];

    public static Anchor[] ShortRange { get; } = Generate(InputSize, ShortRangeStrides, anchorsPerLayer: 2);

    public static Anchor[] Generate(int inputSize, IReadOnlyList<int> strides, int anchorsPerLayer)
    {
        var anchors = new List<Anchor>();
        var layer = 0;
        while (layer < strides.Count)
        {
            var stride = strides[layer];
            var sameStride = 0;
            while (layer + sameStride < strides.Count && strides[layer + sameStride] == stride)
            {
                sameStride++;
            }

            var perCell = sameStride * anchorsPerLayer;
            var grid = (int)Math.Ceiling((double)inputSize / stride);
            for (var y = 0; y < grid; y++)
            {
                for (var x = 0; x < grid; x++)
                {
                    var anchor = new Anchor((x + 0.5f) / grid, (y + 0.5f) / grid);
                    for (var k = 0; k < perCell; k++)
                    {
                        anchors.Add(anchor);
                    }
                }
            }

            layer += sameStride;
        }

        return [.. anchors];
    }
}
