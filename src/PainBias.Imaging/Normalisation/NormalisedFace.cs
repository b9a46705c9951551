using PainBias.Imaging.Faces;

namespace PainBias.Imaging.Normalisation;

/// <summary>The study-ready image and where the face was, both in the source and in the output.</summary>
/// <param name="Png">The aligned face, PNG encoded (8-bit grey when greyscale was asked for).</param>
/// <param name="Source">The detection in the uploaded (EXIF-upright) image's pixels.</param>
/// <param name="Aligned">The same face mapped into the output's pixels (box centre and size; eyes level).</param>
public sealed record NormalisedFace(byte[] Png, int Size, bool Greyscale, FaceDetection Source, FaceDetection Aligned);
