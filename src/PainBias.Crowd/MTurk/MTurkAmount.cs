using System.Globalization;

namespace PainBias.Crowd.MTurk;

/// <summary>MTurk takes money as US-dollar decimal strings ("0.50"); this keeps the format in one place.</summary>
public static class MTurkAmount
{
    public static string Format(decimal dollars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dollars);
        if (decimal.Round(dollars, 2) != dollars)
        {
            throw new ArgumentException($"MTurk amounts are whole cents; {dollars} is not.", nameof(dollars));
        }

        return dollars.ToString("0.00", CultureInfo.InvariantCulture);
    }

    public static decimal Parse(string amount) =>
        decimal.Parse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
}
