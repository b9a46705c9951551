using System.Text.Json;
using PainBias.Imaging.Faces;

namespace PainBias.Cli;

/// <summary>A face as JSON: box, score, and keypoints by snake_case name, so scripts need not know BlazeFace's order.</summary>
internal static class FaceJson
{
    public static void Write(Utf8JsonWriter json, FaceDetection face)
    {
        json.WriteStartObject();
        json.WriteNumber("score", Math.Round(face.Score, 4));
        json.WriteStartObject("box");
        json.WriteNumber("x", Math.Round(face.Box.X, 2));
        json.WriteNumber("y", Math.Round(face.Box.Y, 2));
        json.WriteNumber("width", Math.Round(face.Box.Width, 2));
        json.WriteNumber("height", Math.Round(face.Box.Height, 2));
        json.WriteEndObject();
        json.WriteStartObject("keypoints");
        foreach (var keypoint in Enum.GetValues<FaceKeypoint>())
        {
            json.WriteStartObject(JsonNamingPolicy.SnakeCaseLower.ConvertName(keypoint.ToString()));
            json.WriteNumber("x", Math.Round(face[keypoint].X, 2));
            json.WriteNumber("y", Math.Round(face[keypoint].Y, 2));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteNumber("inter_ocular_distance", Math.Round(face.InterOcularDistance, 2));
        json.WriteEndObject();
    }
}
