using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace PainBias.Web.Features.AssessorTask;

/// <summary>
/// The assessor's network address, only ever kept as a keyed hash per study (the many-workers-from-one-address
/// signal). An IPv6 address counts by its /64 prefix, which is what one household or phone usually holds.
/// </summary>
public static class ClientNetwork
{
    /// <summary>
    /// The client's address: the first entry of <see cref="TaskOptions.ClientAddressHeader"/> when the host sits
    /// behind a proxy that sets it (every client would otherwise share the proxy's address), else the connection's.
    /// </summary>
    public static IPAddress? Address(HttpContext http, TaskOptions options)
    {
        if (options.ClientAddressHeader is { Length: > 0 } header)
        {
            var first = http.Request.Headers[header].ToString().Split(',')[0].Trim();
            return IPAddress.TryParse(first, out var forwarded) ? forwarded : null;
        }
        return http.Connection.RemoteIpAddress;
    }

    /// <summary>HMAC-SHA-256 of the normalised address keyed with the study's secret: stable within a study, unlinkable across.</summary>
    public static string? Hash(IPAddress? address, string studySecret)
    {
        if (address is null)
            return null;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            Array.Clear(bytes, 8, 8);
        var key = Encoding.UTF8.GetBytes("network|" + studySecret);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, bytes));
    }
}
