using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace PainBias.Crowd.Tests.MTurk;

/// <summary>The stand-in's memory and its per-operation rules, modelled on the documented MTurk behaviour.</summary>
public sealed partial class FakeMTurkState
{
    private static readonly XNamespace QuestionNs = "http://mechanicalturk.amazonaws.com/AWSMechanicalTurkDataSchemas/2006-07-14/ExternalQuestion.xsd";
    private static readonly string[] Comparators =
        ["LessThan", "LessThanOrEqualTo", "GreaterThan", "GreaterThanOrEqualTo", "EqualTo", "NotEqualTo", "Exists", "DoesNotExist", "In", "NotIn"];

    private readonly Lock _lock = new();
    private readonly Dictionary<string, string> _hitTypeIdsByParameters = new();
    private readonly Dictionary<string, JsonObject> _hitTypes = new();
    private readonly Dictionary<string, FakeHit> _hits = new();
    private readonly Dictionary<string, string> _hitIdsByToken = new();
    private readonly List<FakeAssignment> _assignments = [];
    private readonly Dictionary<string, decimal> _bonusesByToken = new();
    private readonly Dictionary<string, string> _qualificationTypeIdsByName = new();
    private readonly Dictionary<(string Qualification, string Worker), int> _workerQualifications = new();
    private int _nextId;

    public decimal AvailableBalance { get; private set; } = 10000.00m;

    public List<(string WorkerId, string AssignmentId, decimal Amount)> BonusesPaid { get; } = [];

    public Dictionary<string, string> Blocks { get; } = new();

    public IReadOnlyDictionary<(string Qualification, string Worker), int> WorkerQualifications
    {
        get { lock (_lock) return new Dictionary<(string, string), int>(_workerQualifications); }
    }

    public IReadOnlyList<FakeHit> Hits
    {
        get { lock (_lock) return [.. _hits.Values.OrderBy(h => h.HITId, StringComparer.Ordinal)]; }
    }

    public FakeAssignment? FindAssignment(string assignmentId)
    {
        lock (_lock) return _assignments.FirstOrDefault(a => a.AssignmentId == assignmentId);
    }

    /// <summary>What a worker's submission would create; the test plays the worker.</summary>
    public FakeAssignment AddSubmittedAssignment(string hitId, string workerId, string? assignmentId = null)
    {
        lock (_lock)
        {
            if (!_hits.ContainsKey(hitId))
            {
                throw new InvalidOperationException($"No HIT {hitId}");
            }

            var now = DateTimeOffset.UtcNow;
            var assignment = new FakeAssignment(assignmentId ?? NewId("A"), hitId, workerId)
            {
                AcceptTime = now.AddMinutes(-3),
                SubmitTime = now,
                Answer = $"<QuestionFormAnswers><Answer><QuestionIdentifier>worker</QuestionIdentifier><FreeText>{workerId}</FreeText></Answer></QuestionFormAnswers>",
            };
            _assignments.Add(assignment);
            return assignment;
        }
    }

    public JsonObject Handle(string operation, JsonObject input)
    {
        lock (_lock)
        {
            return operation switch
            {
                "CreateHITType" => CreateHITType(input),
                "CreateHITWithHITType" => CreateHITWithHITType(input),
                "UpdateExpirationForHIT" => UpdateExpirationForHIT(input),
                "ListReviewableHITs" => ListReviewableHITs(input),
                "ListHITs" => ListHITs(input),
                "ListAssignmentsForHIT" => ListAssignmentsForHIT(input),
                "ApproveAssignment" => ApproveAssignment(input),
                "RejectAssignment" => RejectAssignment(input),
                "SendBonus" => SendBonus(input),
                "CreateQualificationType" => CreateQualificationType(input),
                "AssociateQualificationWithWorker" => AssociateQualificationWithWorker(input),
                "DisassociateQualificationFromWorker" => DisassociateQualificationFromWorker(input),
                "CreateWorkerBlock" => CreateWorkerBlock(input),
                "DeleteWorkerBlock" => DeleteWorkerBlock(input),
                "NotifyWorkers" => NotifyWorkers(input),
                "GetAccountBalance" => new JsonObject
                {
                    ["AvailableBalance"] = AvailableBalance.ToString("0.00", CultureInfo.InvariantCulture),
                    ["OnHoldBalance"] = "0.00",
                },
                _ => throw new FakeMTurkError("UnknownOperationException", $"Unknown operation {operation}"),
            };
        }
    }

    private JsonObject CreateHITType(JsonObject input)
    {
        var title = RequiredString(input, "Title");
        var description = RequiredString(input, "Description");
        var reward = RequiredAmount(input, "Reward");
        var duration = RequiredLong(input, "AssignmentDurationInSeconds", 30, 31_536_000);
        var autoApproval = OptionalLong(input, "AutoApprovalDelayInSeconds", 0, 2_592_000);
        if (input["QualificationRequirements"] is JsonNode requirements)
        {
            ValidateRequirements(requirements);
        }

        // Same parameters, same HIT type: that is what makes CreateHITType idempotent on MTurk.
        var key = new JsonObject
        {
            ["Title"] = title, ["Description"] = description, ["Reward"] = reward, ["AssignmentDurationInSeconds"] = duration,
            ["AutoApprovalDelayInSeconds"] = autoApproval, ["Keywords"] = input["Keywords"]?.DeepClone(),
            ["QualificationRequirements"] = input["QualificationRequirements"]?.DeepClone(),
        }.ToJsonString();
        if (!_hitTypeIdsByParameters.TryGetValue(key, out var hitTypeId))
        {
            hitTypeId = NewId("HT");
            _hitTypeIdsByParameters[key] = hitTypeId;
            _hitTypes[hitTypeId] = (JsonObject)input.DeepClone();
        }

        return new JsonObject { ["HITTypeId"] = hitTypeId };
    }

    private JsonObject CreateHITWithHITType(JsonObject input)
    {
        var hitTypeId = RequiredString(input, "HITTypeId");
        var lifetime = RequiredLong(input, "LifetimeInSeconds", 30, 31_536_000);
        var maxAssignments = (int)(OptionalLong(input, "MaxAssignments", 1, 1_000_000) ?? 1);
        var question = RequiredString(input, "Question");
        ValidateExternalQuestion(question);
        if (!_hitTypes.TryGetValue(hitTypeId, out var hitType))
        {
            throw FakeMTurkError.Request("AWS.MechanicalTurk.HITTypeDoesNotExist", $"HIT type {hitTypeId} does not exist.");
        }

        var token = OptionalString(input, "UniqueRequestToken");
        if (token is not null && _hitIdsByToken.TryGetValue(token, out var existing))
        {
            throw FakeMTurkError.Request("AWS.MechanicalTurk.HitAlreadyExists", $"The HIT with ID {existing} already exists.");
        }

        var now = DateTimeOffset.UtcNow;
        var hit = new FakeHit(NewId("H"), hitTypeId, hitType, question, maxAssignments, now, now.AddSeconds(lifetime), OptionalString(input, "RequesterAnnotation"));
        _hits[hit.HITId] = hit;
        if (token is not null)
        {
            _hitIdsByToken[token] = hit.HITId;
        }

        return new JsonObject { ["HIT"] = ToJson(hit) };
    }

    private JsonObject UpdateExpirationForHIT(JsonObject input)
    {
        var hit = FindHit(RequiredString(input, "HITId"));
        if (input["ExpireAt"] is not JsonValue expireAt || !expireAt.TryGetValue<double>(out var seconds))
        {
            throw FakeMTurkError.Validation("ExpireAt must be a timestamp in epoch seconds.");
        }

        hit.Expiration = DateTimeOffset.FromUnixTimeMilliseconds((long)(seconds * 1000));
        return new JsonObject();
    }

    private JsonObject ListReviewableHITs(JsonObject input)
    {
        var hitTypeId = OptionalString(input, "HITTypeId");
        var status = OptionalString(input, "Status") ?? "Reviewable";
        if (status is not ("Reviewable" or "Reviewing"))
        {
            throw FakeMTurkError.Validation("Status must be Reviewable or Reviewing.");
        }

        var hits = _hits.Values
            .Where(h => hitTypeId is null || h.HITTypeId == hitTypeId)
            .Where(h => StatusOf(h) == status)
            .OrderBy(h => h.HITId, StringComparer.Ordinal)
            .ToList();
        var (page, next) = Page(hits, input);
        return WithPaging(new JsonObject { ["HITs"] = new JsonArray([.. page.Select(h => (JsonNode)ToJson(h))]) }, page.Count, next);
    }

    private JsonObject ListHITs(JsonObject input)
    {
        var hits = _hits.Values.OrderBy(h => h.HITId, StringComparer.Ordinal).ToList();
        var (page, next) = Page(hits, input);
        return WithPaging(new JsonObject { ["HITs"] = new JsonArray([.. page.Select(h => (JsonNode)ToJson(h))]) }, page.Count, next);
    }

    private JsonObject ListAssignmentsForHIT(JsonObject input)
    {
        var hit = FindHit(RequiredString(input, "HITId"));
        var statuses = input["AssignmentStatuses"] is JsonArray array
            ? array.Select(s => s!.GetValue<string>()).ToHashSet()
            : null;
        if (statuses is not null && statuses.Any(s => s is not ("Submitted" or "Approved" or "Rejected")))
        {
            throw FakeMTurkError.Validation("AssignmentStatuses holds an unknown status.");
        }

        var assignments = _assignments
            .Where(a => a.HITId == hit.HITId && (statuses is null || statuses.Contains(a.Status)))
            .ToList();
        var (page, next) = Page(assignments, input);
        return WithPaging(new JsonObject { ["Assignments"] = new JsonArray([.. page.Select(a => (JsonNode)ToJson(a))]) }, page.Count, next);
    }

    private JsonObject ApproveAssignment(JsonObject input)
    {
        var assignment = FindAssignmentOrThrow(RequiredString(input, "AssignmentId"));
        var overrideRejection = input["OverrideRejection"]?.GetValue<bool>() ?? false;
        if (!(assignment.Status == "Submitted" || (overrideRejection && assignment.Status == "Rejected")))
        {
            throw InvalidState(overrideRejection ? "Submitted, Rejected" : "Submitted");
        }

        assignment.Status = "Approved";
        assignment.ApprovalTime = DateTimeOffset.UtcNow;
        assignment.RequesterFeedback = OptionalString(input, "RequesterFeedback");
        return new JsonObject();
    }

    private JsonObject RejectAssignment(JsonObject input)
    {
        var assignment = FindAssignmentOrThrow(RequiredString(input, "AssignmentId"));
        var feedback = RequiredString(input, "RequesterFeedback");
        if (assignment.Status != "Submitted")
        {
            throw InvalidState("Submitted");
        }

        assignment.Status = "Rejected";
        assignment.RejectionTime = DateTimeOffset.UtcNow;
        assignment.RequesterFeedback = feedback;
        return new JsonObject();
    }

    private JsonObject SendBonus(JsonObject input)
    {
        var workerId = RequiredString(input, "WorkerId");
        var assignmentId = RequiredString(input, "AssignmentId");
        var amount = decimal.Parse(RequiredAmount(input, "BonusAmount"), CultureInfo.InvariantCulture);
        RequiredString(input, "Reason");
        var token = OptionalString(input, "UniqueRequestToken");
        var assignment = FindAssignmentOrThrow(assignmentId);
        if (assignment.WorkerId != workerId)
        {
            throw FakeMTurkError.Request("AWS.MechanicalTurk.InvalidParameterValue", $"Assignment {assignmentId} was not done by worker {workerId}.");
        }

        // Documented: a repeat with the same token returns an error naming the earlier request, and pays nothing.
        if (token is not null && _bonusesByToken.ContainsKey(token))
        {
            throw FakeMTurkError.Request("AWS.MechanicalTurk.DuplicateRequest", $"The bonus for request token {token} already exists.");
        }

        if (amount > AvailableBalance)
        {
            throw FakeMTurkError.Request("AWS.MechanicalTurk.InsufficientFunds", "Insufficient funds.");
        }

        AvailableBalance -= amount;
        BonusesPaid.Add((workerId, assignmentId, amount));
        if (token is not null)
        {
            _bonusesByToken[token] = amount;
        }

        return new JsonObject();
    }

    private JsonObject CreateQualificationType(JsonObject input)
    {
        var name = RequiredString(input, "Name");
        var description = RequiredString(input, "Description");
        var status = RequiredString(input, "QualificationTypeStatus");
        if (status is not ("Active" or "Inactive"))
        {
            throw FakeMTurkError.Validation("QualificationTypeStatus must be Active or Inactive.");
        }

        if (_qualificationTypeIdsByName.ContainsKey(name))
        {
            throw FakeMTurkError.Request("AWS.MechanicalTurk.QualificationTypeAlreadyExists", $"You have already created a QualificationType with this name: {name}");
        }

        var id = NewId("Q");
        _qualificationTypeIdsByName[name] = id;
        return new JsonObject
        {
            ["QualificationType"] = new JsonObject
            {
                ["QualificationTypeId"] = id,
                ["CreationTime"] = Epoch(DateTimeOffset.UtcNow),
                ["Name"] = name,
                ["Description"] = description,
                ["Keywords"] = OptionalString(input, "Keywords"),
                ["QualificationTypeStatus"] = status,
                ["IsRequestable"] = false,
                ["AutoGranted"] = input["AutoGranted"]?.GetValue<bool>() ?? false,
            },
        };
    }

    private JsonObject AssociateQualificationWithWorker(JsonObject input)
    {
        var qualificationTypeId = RequiredQualificationType(input);
        var workerId = RequiredString(input, "WorkerId");
        _workerQualifications[(qualificationTypeId, workerId)] = (int)(OptionalLong(input, "IntegerValue", int.MinValue, int.MaxValue) ?? 1);
        return new JsonObject();
    }

    private JsonObject DisassociateQualificationFromWorker(JsonObject input)
    {
        var qualificationTypeId = RequiredQualificationType(input);
        var workerId = RequiredString(input, "WorkerId");
        if (!_workerQualifications.Remove((qualificationTypeId, workerId)))
        {
            throw FakeMTurkError.Request("AWS.MechanicalTurk.QualificationDoesNotExist", $"Worker {workerId} does not hold qualification {qualificationTypeId}.");
        }

        return new JsonObject();
    }

    private JsonObject CreateWorkerBlock(JsonObject input)
    {
        Blocks[RequiredString(input, "WorkerId")] = RequiredString(input, "Reason");
        return new JsonObject();
    }

    private JsonObject DeleteWorkerBlock(JsonObject input)
    {
        Blocks.Remove(RequiredString(input, "WorkerId"));
        return new JsonObject();
    }

    private JsonObject NotifyWorkers(JsonObject input)
    {
        var subject = RequiredString(input, "Subject");
        var text = RequiredString(input, "MessageText");
        if (subject.Length > 200 || text.Length > 4096)
        {
            throw FakeMTurkError.Validation("Subject is at most 200 characters and MessageText at most 4096.");
        }

        if (input["WorkerIds"] is not JsonArray ids || ids.Count is < 1 or > 100)
        {
            throw FakeMTurkError.Validation("WorkerIds must hold 1 to 100 ids.");
        }

        var known = _assignments.Select(a => a.WorkerId).ToHashSet();
        var failures = ids.Select(i => i!.GetValue<string>())
            .Where(id => !known.Contains(id))
            .Select(id => (JsonNode)new JsonObject
            {
                ["NotifyWorkersFailureCode"] = "HardFailure",
                ["NotifyWorkersFailureMessage"] = "Worker has not worked for this requester.",
                ["WorkerId"] = id,
            });
        return new JsonObject { ["NotifyWorkersFailureStatuses"] = new JsonArray([.. failures]) };
    }

    private static void ValidateExternalQuestion(string question)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(question).Root!;
        }
        catch (System.Xml.XmlException e)
        {
            throw FakeMTurkError.Request("AWS.MechanicalTurk.XMLParseError", $"Question is not valid XML: {e.Message}");
        }

        var url = root.Element(QuestionNs + "ExternalURL")?.Value;
        var height = root.Element(QuestionNs + "FrameHeight")?.Value;
        if (root.Name != QuestionNs + "ExternalQuestion" || url is null || height is null ||
            !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != "https" ||
            !int.TryParse(height, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            throw FakeMTurkError.Request("AWS.MechanicalTurk.XMLParseError", "Question does not follow the ExternalQuestion schema.");
        }
    }

    private static void ValidateRequirements(JsonNode requirements)
    {
        if (requirements is not JsonArray array)
        {
            throw FakeMTurkError.Validation("QualificationRequirements must be a list.");
        }

        foreach (var node in array)
        {
            if (node is not JsonObject requirement)
            {
                throw FakeMTurkError.Validation("A QualificationRequirement must be an object.");
            }

            RequiredString(requirement, "QualificationTypeId");
            var comparator = RequiredString(requirement, "Comparator");
            if (!Comparators.Contains(comparator))
            {
                throw FakeMTurkError.Validation($"Unknown Comparator {comparator}.");
            }

            var hasValues = requirement["IntegerValues"] is JsonArray { Count: > 0 } || requirement["LocaleValues"] is JsonArray { Count: > 0 };
            if (comparator is "Exists" or "DoesNotExist" ? hasValues : !hasValues)
            {
                throw FakeMTurkError.Request("AWS.MechanicalTurk.InvalidQualificationRequirement", $"Comparator {comparator} does not fit the values given.");
            }

            if (requirement["IntegerValues"] is JsonArray integers && integers.Any(i => i is not JsonValue v || !v.TryGetValue<int>(out _)))
            {
                throw FakeMTurkError.Validation("IntegerValues must be integers.");
            }

            if (requirement["LocaleValues"] is JsonArray locales &&
                locales.Any(l => l is not JsonObject o || o["Country"] is not JsonValue c || !CountryPattern().IsMatch(c.GetValue<string>())))
            {
                throw FakeMTurkError.Validation("LocaleValues need an ISO 3166 Country.");
            }

            if (OptionalString(requirement, "ActionsGuarded") is string guarded && guarded is not ("Accept" or "PreviewAndAccept" or "DiscoverPreviewAndAccept"))
            {
                throw FakeMTurkError.Validation($"Unknown ActionsGuarded {guarded}.");
            }
        }
    }

    private static (List<T> Page, string? Next) Page<T>(List<T> items, JsonObject input)
    {
        var max = (int)(OptionalLong(input, "MaxResults", 1, 100) ?? 10);
        var start = 0;
        if (OptionalString(input, "NextToken") is string token &&
            !(token.StartsWith("page:", StringComparison.Ordinal) && int.TryParse(token[5..], out start)))
        {
            throw FakeMTurkError.Request("AWS.MechanicalTurk.InvalidParameterValue", "NextToken is not valid.");
        }

        var page = items.Skip(start).Take(max).ToList();
        return (page, start + max < items.Count ? $"page:{start + max}" : null);
    }

    private static JsonObject WithPaging(JsonObject result, int count, string? next)
    {
        result["NumResults"] = count;
        if (next is not null)
        {
            result["NextToken"] = next;
        }

        return result;
    }

    private string StatusOf(FakeHit hit)
    {
        var done = _assignments.Count(a => a.HITId == hit.HITId);
        return hit.Expiration <= DateTimeOffset.UtcNow || done >= hit.MaxAssignments ? "Reviewable" : "Assignable";
    }

    private JsonObject ToJson(FakeHit hit)
    {
        var done = _assignments.Count(a => a.HITId == hit.HITId);
        return new JsonObject
        {
            ["HITId"] = hit.HITId,
            ["HITTypeId"] = hit.HITTypeId,
            ["HITGroupId"] = "G" + hit.HITTypeId,
            ["CreationTime"] = Epoch(hit.CreationTime),
            ["Title"] = hit.HitType["Title"]?.DeepClone(),
            ["Description"] = hit.HitType["Description"]?.DeepClone(),
            ["Question"] = hit.Question,
            ["Keywords"] = hit.HitType["Keywords"]?.DeepClone(),
            ["HITStatus"] = StatusOf(hit),
            ["MaxAssignments"] = hit.MaxAssignments,
            ["Reward"] = hit.HitType["Reward"]?.DeepClone(),
            ["AutoApprovalDelayInSeconds"] = hit.HitType["AutoApprovalDelayInSeconds"]?.DeepClone() ?? 2_592_000,
            ["Expiration"] = Epoch(hit.Expiration),
            ["AssignmentDurationInSeconds"] = hit.HitType["AssignmentDurationInSeconds"]?.DeepClone(),
            ["RequesterAnnotation"] = hit.RequesterAnnotation,
            ["QualificationRequirements"] = hit.HitType["QualificationRequirements"]?.DeepClone() ?? new JsonArray(),
            ["HITReviewStatus"] = "NotReviewed",
            ["NumberOfAssignmentsPending"] = 0,
            ["NumberOfAssignmentsAvailable"] = Math.Max(0, hit.MaxAssignments - done),
            ["NumberOfAssignmentsCompleted"] = done,
        };
    }

    private static JsonObject ToJson(FakeAssignment assignment) => new()
    {
        ["AssignmentId"] = assignment.AssignmentId,
        ["WorkerId"] = assignment.WorkerId,
        ["HITId"] = assignment.HITId,
        ["AssignmentStatus"] = assignment.Status,
        ["AcceptTime"] = Epoch(assignment.AcceptTime),
        ["SubmitTime"] = Epoch(assignment.SubmitTime),
        ["AutoApprovalTime"] = Epoch(assignment.SubmitTime.AddDays(30)),
        ["ApprovalTime"] = assignment.ApprovalTime is { } approved ? Epoch(approved) : null,
        ["RejectionTime"] = assignment.RejectionTime is { } rejected ? Epoch(rejected) : null,
        ["Answer"] = assignment.Answer,
        ["RequesterFeedback"] = assignment.RequesterFeedback,
    };

    /// <summary>Epoch seconds with milliseconds, as MTurk sends them.</summary>
    private static JsonNode Epoch(DateTimeOffset time) => JsonValue.Create(time.ToUnixTimeMilliseconds() / 1000m);

    private FakeHit FindHit(string hitId) =>
        _hits.TryGetValue(hitId, out var hit) ? hit : throw FakeMTurkError.Request("AWS.MechanicalTurk.HITDoesNotExist", $"Hit {hitId} does not exist.");

    private FakeAssignment FindAssignmentOrThrow(string assignmentId) =>
        _assignments.FirstOrDefault(a => a.AssignmentId == assignmentId)
        ?? throw FakeMTurkError.Request("AWS.MechanicalTurk.AssignmentDoesNotExist", $"Assignment {assignmentId} does not exist.");

    private string RequiredQualificationType(JsonObject input)
    {
        var id = RequiredString(input, "QualificationTypeId");
        return _qualificationTypeIdsByName.ContainsValue(id)
            ? id
            : throw FakeMTurkError.Request("AWS.MechanicalTurk.QualificationTypeDoesNotExist", $"Qualification type {id} does not exist.");
    }

    private static FakeMTurkError InvalidState(string allowed) =>
        FakeMTurkError.Request("AWS.MechanicalTurk.InvalidAssignmentState", $"This operation can be called with a status of: {allowed}");

    private static string RequiredString(JsonObject input, string name) =>
        OptionalString(input, name) is { Length: > 0 } value ? value : throw FakeMTurkError.Validation($"{name} is required.");

    private static string? OptionalString(JsonObject input, string name) => input[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        _ => throw FakeMTurkError.Validation($"{name} must be a string."),
    };

    private static string RequiredAmount(JsonObject input, string name)
    {
        // MTurk takes money as a decimal string; a JSON number is a client bug.
        var amount = RequiredString(input, name);
        return AmountPattern().IsMatch(amount) ? amount : throw FakeMTurkError.Validation($"{name} must be a decimal string like \"0.50\".");
    }

    private static long RequiredLong(JsonObject input, string name, long min, long max) =>
        OptionalLong(input, name, min, max) ?? throw FakeMTurkError.Validation($"{name} is required.");

    private static long? OptionalLong(JsonObject input, string name, long min, long max) => input[name] switch
    {
        null => null,
        JsonValue value when value.TryGetValue<long>(out var number) && number >= min && number <= max => number,
        _ => throw FakeMTurkError.Validation($"{name} must be an integer between {min} and {max}."),
    };

    private string NewId(string prefix) => $"{prefix}{Interlocked.Increment(ref _nextId):D6}PAINBIAS";

    [GeneratedRegex(@"^\d+\.\d{2}$")]
    private static partial Regex AmountPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();
}

public sealed class FakeHit(string hitId, string hitTypeId, JsonObject hitType, string question, int maxAssignments, DateTimeOffset creationTime, DateTimeOffset expiration, string? requesterAnnotation)
{
    public string HITId { get; } = hitId;
    public string HITTypeId { get; } = hitTypeId;
    public JsonObject HitType { get; } = hitType;
    public string Question { get; } = question;
    public int MaxAssignments { get; } = maxAssignments;
    public DateTimeOffset CreationTime { get; } = creationTime;
    public DateTimeOffset Expiration { get; set; } = expiration;
    public string? RequesterAnnotation { get; } = requesterAnnotation;
}

public sealed class FakeAssignment(string assignmentId, string hitId, string workerId)
{
    public string AssignmentId { get; } = assignmentId;
    public string HITId { get; } = hitId;
    public string WorkerId { get; } = workerId;
    public string Status { get; set; } = "Submitted";
    public DateTimeOffset AcceptTime { get; init; }
    public DateTimeOffset SubmitTime { get; init; }
    public DateTimeOffset? ApprovalTime { get; set; }
    public DateTimeOffset? RejectionTime { get; set; }
    public string? Answer { get; init; }
    public string? RequesterFeedback { get; set; }
}
