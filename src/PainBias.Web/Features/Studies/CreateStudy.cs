using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PainBias.Data;
using PainBias.Data.Entities;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Studies;

public static class CreateStudy
{
    public sealed class Command
    {
        [Required(ErrorMessage = "Give the study a name."), StringLength(200)]
        public string Name { get; set; } = "";

        [StringLength(4000)]
        public string Description { get; set; } = "";

        [Range(64, 1024, ErrorMessage = "Image size must be 64..1024 pixels.")]
        public int ImageSize { get; set; } = 512;

        public bool Greyscale { get; set; } = true;

        [Range(1, 100, ErrorMessage = "Ratings per variant on MTurk must be 1..100.")]
        public int RatingsPerVariantMTurk { get; set; } = 5;

        [Range(1, 100, ErrorMessage = "Ratings per variant on Credamo must be 1..100.")]
        public int RatingsPerVariantCredamo { get; set; } = 3;

        [Range(1, 100, ErrorMessage = "Ratings per variant on direct links must be 1..100.")]
        public int RatingsPerVariantDirect { get; set; } = 3;

        [Range(1, 4, ErrorMessage = "Images per assessor must be 1..4 (a face has four variants, and nobody sees two of one face).")]
        public int ImagesPerAssessor { get; set; } = 1;

        [Range(1, 24 * 60, ErrorMessage = "A slot may be held 1..1440 minutes.")]
        public int HoldMinutes { get; set; } = 30;
    }

    public sealed class Handler(IDbContextFactory<PainBiasDbContext> contexts, TimeProvider clock)
    {
        public async Task<Guid> HandleAsync(Command command, Actor actor, CancellationToken cancellationToken, bool isDemo = false)
        {
            Validator.ValidateObject(command, new ValidationContext(command), validateAllProperties: true);
            var study = new Study
            {
                Id = Guid.CreateVersion7(),
                Name = command.Name.Trim(),
                Description = command.Description.Trim(),
                OwnerId = actor.UserId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
                IsDemo = isDemo,
                ImageSize = command.ImageSize,
                Greyscale = command.Greyscale,
                RatingsPerVariantMTurk = command.RatingsPerVariantMTurk,
                RatingsPerVariantCredamo = command.RatingsPerVariantCredamo,
                RatingsPerVariantDirect = command.RatingsPerVariantDirect,
                ImagesPerAssessor = command.ImagesPerAssessor,
                HoldMinutes = command.HoldMinutes,
            };
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.Studies.Add(study);
            await db.SaveChangesAsync(cancellationToken);
            return study.Id;
        }
    }
}
