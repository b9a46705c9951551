namespace PainBias.Web.Features.VariantImport;

/// <summary>One thing wrong with an import, tied to the item it is about (a file, a manifest line, the archive).</summary>
public sealed record ImportProblem(string Item, string Message);
