namespace PainBias.Imaging.Faces;

/// <summary>An SSD anchor centre in normalised input coordinates (0..1); BlazeFace uses unit-size anchors.</summary>
public readonly record struct Anchor(float CentreX, float CentreY);
