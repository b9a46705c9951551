using System.Runtime.CompilerServices;

namespace PainBias.Crowd.MTurk;

public static class MTurkClientExtensions
{
    /// <summary>Pages through every assignment of a HIT (the recurring sync reads them all).</summary>
    public static async IAsyncEnumerable<Assignment> ListAllAssignmentsForHITAsync(
        this IMTurkClient client,
        string hitId,
        IReadOnlyList<AssignmentStatus>? statuses = null,
        int pageSize = 100,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hitId);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 100);

        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? nextToken = null;
        do
        {
            var page = await client.ListAssignmentsForHITAsync(new ListAssignmentsForHITRequest
            {
                HITId = hitId,
                AssignmentStatuses = statuses,
                MaxResults = pageSize,
                NextToken = nextToken,
            }, cancellationToken).ConfigureAwait(false);

            foreach (var assignment in page.Assignments ?? [])
            {
                yield return assignment;
            }

            nextToken = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
            // A token that comes back twice would loop forever; stop rather than hammer the API.
            if (nextToken is not null && !seenTokens.Add(nextToken))
            {
                throw new MTurkException("ListAssignmentsForHIT", null, "MTurk returned the same NextToken twice while paging assignments.");
            }
        }
        while (nextToken is not null);
    }

    /// <summary>Pages through every HIT of the account.</summary>
    public static IAsyncEnumerable<HIT> ListAllHITsAsync(this IMTurkClient client, CancellationToken cancellationToken = default) =>
        PageAsync("ListHITs", async (token, ct) =>
        {
            var page = await client.ListHITsAsync(new ListHITsRequest { NextToken = token, MaxResults = 100 }, ct).ConfigureAwait(false);
            return (page.HITs, page.NextToken);
        }, cancellationToken);

    /// <summary>Pages through the HITs of one HIT type that are Reviewable (every assignment in, or expired).</summary>
    public static IAsyncEnumerable<HIT> ListAllReviewableHITsAsync(this IMTurkClient client, string hitTypeId, CancellationToken cancellationToken = default) =>
        PageAsync("ListReviewableHITs", async (token, ct) =>
        {
            var page = await client.ListReviewableHITsAsync(new ListReviewableHITsRequest
            {
                HITTypeId = hitTypeId, Status = ReviewableHITStatus.Reviewable, NextToken = token, MaxResults = 100,
            }, ct).ConfigureAwait(false);
            return (page.HITs, page.NextToken);
        }, cancellationToken);

    private static async IAsyncEnumerable<T> PageAsync<T>(
        string operation,
        Func<string?, CancellationToken, Task<(IReadOnlyList<T>? Items, string? NextToken)>> fetch,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var seenTokens = new HashSet<string>(StringComparer.Ordinal);
        string? nextToken = null;
        do
        {
            var (items, next) = await fetch(nextToken, cancellationToken).ConfigureAwait(false);
            foreach (var item in items ?? [])
            {
                yield return item;
            }

            nextToken = string.IsNullOrEmpty(next) ? null : next;
            if (nextToken is not null && !seenTokens.Add(nextToken))
            {
                throw new MTurkException(operation, null, $"MTurk returned the same NextToken twice while paging {operation}.");
            }
        }
        while (nextToken is not null);
    }
}
