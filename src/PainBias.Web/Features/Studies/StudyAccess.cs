using PainBias.Data.Entities;
using PainBias.Web.Hosting;

namespace PainBias.Web.Features.Studies;

public static class StudyAccess
{
    /// <summary>The studies an actor may see: their own; admins see all.</summary>
    public static IQueryable<Study> VisibleTo(this IQueryable<Study> studies, Actor actor) =>
        actor.IsAdmin ? studies : studies.Where(s => s.OwnerId == actor.UserId);
}
