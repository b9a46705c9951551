using PainBias.Crowd.MTurk;

namespace PainBias.Jobs.Crowd;

/// <summary>The account balance, or why MTurk cannot be used, in words a researcher can act on.</summary>
public sealed record MTurkAccountStatus(decimal? AvailableBalance, string? Problem)
{
    public bool Usable => Problem is null;
}

/// <summary>Asks MTurk for the balance before anything is published: missing or wrong credentials show up here.</summary>
public static class MTurkAccountCheck
{
    public static async Task<MTurkAccountStatus> CheckAsync(IMTurkClient client, bool sandbox, CancellationToken cancellationToken)
    {
        var where = sandbox ? "the MTurk sandbox" : "live MTurk";
        try
        {
            var balance = await client.GetAccountBalanceAsync(new GetAccountBalanceRequest(), cancellationToken);
            return new MTurkAccountStatus(balance.AvailableBalance is { } text ? MTurkAmount.Parse(text) : null, null);
        }
        catch (MTurkConfigurationException e)
        {
            return new MTurkAccountStatus(null, $"No MTurk credentials are set up: {e.Message} Nothing was published.");
        }
        catch (MTurkException e) when (e.ErrorType is "UnrecognizedClientException" or "InvalidSignatureException"
            or "IncompleteSignature" or "MissingAuthenticationToken" or "AccessDeniedException" or "InvalidClientTokenId")
        {
            // MTurk's own text may echo the request; only the kind of failure is shown.
            return new MTurkAccountStatus(null,
                $"{where} did not accept the AWS credentials ({e.ErrorType}). Check MTurk:AccessKeyId and MTurk:SecretAccessKey " +
                "(and that the account is linked to an MTurk requester account). Nothing was published.");
        }
        catch (MTurkException e)
        {
            return new MTurkAccountStatus(null, $"{where} could not be reached: {e.Message} Nothing was published.");
        }
        catch (HttpRequestException e)
        {
            return new MTurkAccountStatus(null, $"{where} could not be reached ({e.Message}). Nothing was published.");
        }
    }
}
