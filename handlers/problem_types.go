package handlers

// ProblemType is the last part of a problem type URI (/problems/<type>).
// Every type a handler may answer is a constant below and has a title in
// problemTitles, so that no answer goes out with an empty title.
type ProblemType string

// Problem types, in the order of their HTTP status.
const (
	ProblemBadRequest              ProblemType = "bad-request"
	ProblemValidation              ProblemType = "validation-error"
	ProblemUnauthorized            ProblemType = "unauthorized"
	ProblemForbidden               ProblemType = "forbidden"
	ProblemNotFound                ProblemType = "not-found"
	ProblemMethodNotAllowed        ProblemType = "method-not-allowed"
	ProblemMissionGone             ProblemType = "mission-gone"
	ProblemTimeout                 ProblemType = "timeout"
	ProblemConflict                ProblemType = "conflict"
	ProblemInvalidState            ProblemType = "invalid-state"
	ProblemLastOwner               ProblemType = "last-owner"
	ProblemInvitationUsed          ProblemType = "invitation-used"
	ProblemAlreadyInvited          ProblemType = "already-invited"
	ProblemOrganizationNotVerified ProblemType = "organization-not-verified"
	ProblemSoleOwner               ProblemType = "sole-owner"
	ProblemInvitationExpired       ProblemType = "invitation-expired"
	ProblemPayloadTooLarge         ProblemType = "payload-too-large"
	ProblemUnsupportedMediaType    ProblemType = "unsupported-media-type"
	ProblemUnprocessable           ProblemType = "unprocessable"
	ProblemInvitationLimit         ProblemType = "invitation-limit"
	ProblemRateLimited             ProblemType = "rate-limited"
	ProblemClientClosed            ProblemType = "client-closed"
	ProblemInternal                ProblemType = "internal"
	ProblemUnavailable             ProblemType = "unavailable"
)

// problemTitles maps every problem type to the i18n key of its title.
var problemTitles = map[ProblemType]string{
	ProblemBadRequest:              "problem.bad_request",
	ProblemValidation:              "problem.validation",
	ProblemUnauthorized:            "problem.unauthorized",
	ProblemForbidden:               "problem.forbidden",
	ProblemNotFound:                "problem.not_found",
	ProblemMethodNotAllowed:        "problem.method",
	ProblemMissionGone:             "journeys.problem_mission_gone",
	ProblemTimeout:                 "problem.timeout",
	ProblemConflict:                "problem.conflict",
	ProblemInvalidState:            "problem.conflict",
	ProblemLastOwner:               "problem.last_owner",
	ProblemInvitationUsed:          "problem.invitation_used",
	ProblemAlreadyInvited:          "problem.already_invited",
	ProblemOrganizationNotVerified: "problem.organization_not_verified",
	ProblemSoleOwner:               "problem.sole_owner",
	ProblemInvitationExpired:       "problem.invitation_expired",
	ProblemPayloadTooLarge:         "problem.too_large",
	ProblemUnsupportedMediaType:    "problem.unsupported_media",
	ProblemUnprocessable:           "problem.unprocessable",
	ProblemInvitationLimit:         "problem.invitation_limit",
	ProblemRateLimited:             "problem.rate_limited",
	ProblemClientClosed:            "problem.client_closed",
	ProblemInternal:                "problem.internal",
	ProblemUnavailable:             "problem.unavailable",
}

// Title is the i18n key of the type's title; an unregistered type falls
// back to the generic title of its class rather than to an empty one.
func (t ProblemType) Title() string {
	if key, ok := problemTitles[t]; ok {
		return key
	}
	return "problem.internal"
}
