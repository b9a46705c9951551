namespace PainBias.Core.Domain;

/// <summary>Gender of a photographed person, as recorded in the study metadata.</summary>
public enum Gender { F, M }

/// <summary>Race as the reference study codes it: white or black (original or perceived).</summary>
public enum Race { W, B }

/// <summary>Age group: Young is 18–34, Senior is 55+.</summary>
public enum AgeGroup { Young, Senior }

public static class DemographicsExtensions
{
    public static Race Flip(this Race race) => race == Race.W ? Race.B : Race.W;

    public static AgeGroup Flip(this AgeGroup age) => age == AgeGroup.Young ? AgeGroup.Senior : AgeGroup.Young;

    /// <summary>One-letter code used by the fixtures and exports: Y or S.</summary>
    public static char Code(this AgeGroup age) => age == AgeGroup.Young ? 'Y' : 'S';
}
