using System.Text;

namespace PainBias.Crowd.Credamo;

/// <summary>
/// Which headers of a results export hold the response id, the Credamo user id and the completion code. Credamo does
/// not publish its export layout, so each field lists the names seen in Chinese and English exports; a researcher can
/// name the exact header of their file instead.
/// </summary>
public sealed record CredamoColumnMap(IReadOnlyList<string> ResponseId, IReadOnlyList<string> UserId, IReadOnlyList<string> CompletionCode)
{
    public static CredamoColumnMap Default { get; } = new(
        ["作答ID", "答卷ID", "答卷编号", "作答编号", "回答ID", "Response ID", "ResponseId", "Answer ID", "序号", "ID"],
        ["用户ID", "用户编号", "会员ID", "样本ID", "参与者ID", "User ID", "UserId", "Participant ID", "Worker ID"],
        ["完成码", "完成代码", "验证码", "兑换码", "Completion Code", "CompletionCode", "Code"]);

    /// <summary>This map with the researcher's header names (blank ones keep the defaults).</summary>
    public CredamoColumnMap With(string? responseId, string? userId, string? completionCode) => new(
        string.IsNullOrWhiteSpace(responseId) ? ResponseId : [responseId.Trim()],
        string.IsNullOrWhiteSpace(userId) ? UserId : [userId.Trim()],
        string.IsNullOrWhiteSpace(completionCode) ? CompletionCode : [completionCode.Trim()]);

    /// <summary>Header comparison ignores width (full-width letters from a Chinese IME), case, spaces and underscores.</summary>
    public static string Normalise(string header)
    {
        var folded = header.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && c is not ('_' or '-' or '.' or '\uFEFF'))
                builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }
}
