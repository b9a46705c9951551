using System.Net;
using PainBias.Web.Features.AssessorTask;

namespace PainBias.Web.Tests.AssessorTask;

public sealed class ClientNetworkTests
{
    [Fact]
    public void An_address_hashes_the_same_within_a_study_and_differently_in_another()
    {
        var address = IPAddress.Parse("203.0.113.7");
        Assert.Equal(ClientNetwork.Hash(address, "study-a"), ClientNetwork.Hash(IPAddress.Parse("::ffff:203.0.113.7"), "study-a"));
        Assert.NotEqual(ClientNetwork.Hash(address, "study-a"), ClientNetwork.Hash(address, "study-b"));
        Assert.NotEqual(ClientNetwork.Hash(address, "study-a"), ClientNetwork.Hash(IPAddress.Parse("203.0.113.8"), "study-a"));
        Assert.Null(ClientNetwork.Hash(null, "study-a"));
    }

    [Fact]
    public void An_IPv6_address_counts_by_its_64_bit_prefix()
    {
        var home = ClientNetwork.Hash(IPAddress.Parse("2001:db8:1:2::10"), "s");
        Assert.Equal(home, ClientNetwork.Hash(IPAddress.Parse("2001:db8:1:2:abcd::99"), "s"));
        Assert.NotEqual(home, ClientNetwork.Hash(IPAddress.Parse("2001:db8:1:3::10"), "s"));
    }
}
