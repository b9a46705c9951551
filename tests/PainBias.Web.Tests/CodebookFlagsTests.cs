using PainBias.Core.Domain;
using PainBias.Web.Features.Exports;

namespace PainBias.Web.Tests;

public sealed class CodebookFlagsTests
{
    [Fact]
    public void The_codebook_explains_every_flag_the_export_can_carry()
    {
        var markdown = Codebook.Markdown();
        var flags = Enum.GetValues<ExclusionReason>().Where(r => r != ExclusionReason.None).Select(r => r.ToString()).ToList();
        Assert.Equal(flags, Codebook.Flags.Select(f => f.Flag));
        Assert.All(flags, flag => Assert.Contains($"| `{flag}` |", markdown));
    }
}
