using PainBias.Web.Features.Admin;

namespace PainBias.Web.Tests;

public class AccountSeederTests
{
    [Fact]
    public void Generated_passwords_meet_the_identity_rules_every_time()
    {
        var seen = new HashSet<string>();
        for (var i = 0; i < 2000; i++)
        {
            var password = AccountSeeder.GeneratePassword();
            Assert.Equal(16, password.Length);
            Assert.Contains(password, char.IsUpper);
            Assert.Contains(password, char.IsLower);
            Assert.Contains(password, char.IsDigit);
            Assert.DoesNotContain(password, c => "0O1lI".Contains(c));
            Assert.True(seen.Add(password));
        }
    }
}
