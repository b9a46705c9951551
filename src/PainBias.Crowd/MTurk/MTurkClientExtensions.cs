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
}
