namespace PainBias.Core.Fairness;

/// <summary>
/// Original: an image's label is the mean PSPI of its own included ratings. Average: an image and its
/// counterpart (skin-tone pair by default) both get the mean of their two Original labels.
/// </summary>
public enum LabelKind { Original, Average }
