package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

// localKey names what the guards leave in c.Locals for the handlers.
type localKey int

const (
	orgLocal localKey = iota
	memberLocal
	missionLocal
	applicationLocal
)

// loadMembership is the membership guard: it loads the path's
// organisation (:orgId) once, for a member of it only, and keeps it for
// the handler. Anybody who is not a member gets a 404: another
// organisation's data does not exist. A member below min gets a 403: they
// know the organisation, they may not do this.
func (s *Server) loadMembership(min models.MemberRole) fiber.Handler {
	return func(c *fiber.Ctx) error {
		id, err := idParam(c, "orgId")
		if err != nil {
			return err
		}
		p := principal(c)
		if p == nil {
			return errNotFound()
		}
		ctx, cancel := s.ctx(c)
		defer cancel()
		org, err := s.store.OrganizationForMember(ctx, p.UserID, id)
		if err != nil {
			return err
		}
		me, ok := org.Member(p.UserID)
		if !ok {
			return errNotFound()
		}
		if min == models.MemberOwner && me.Role != models.MemberOwner {
			return errForbidden("detail.owner_required")
		}
		c.Locals(orgLocal, org)
		c.Locals(memberLocal, me)
		return c.Next()
	}
}

// loadOrgMission loads the path's mission (:id) within the organisation
// the membership guard loaded; a mission of another organisation is a 404.
func (s *Server) loadOrgMission(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	m, err := s.store.MissionInOrg(ctx, orgOf(c).ID, id)
	if err != nil {
		return err
	}
	c.Locals(missionLocal, m)
	return c.Next()
}

// loadOrgApplication loads the path's application (:appId) within the
// organisation the membership guard loaded; another organisation's is a
// 404.
func (s *Server) loadOrgApplication(c *fiber.Ctx) error {
	id, err := idParam(c, "appId")
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(c)
	defer cancel()
	a, err := s.store.ApplicationInOrg(ctx, orgOf(c).ID, id)
	if err != nil {
		return err
	}
	c.Locals(applicationLocal, a)
	return c.Next()
}

// orgOf is the organisation the membership guard loaded. It panics on a
// route without the guard: the route test keeps that from shipping.
func orgOf(c *fiber.Ctx) *models.Organization {
	return c.Locals(orgLocal).(*models.Organization)
}

// memberOf is the caller's membership of orgOf(c).
func memberOf(c *fiber.Ctx) models.Member {
	return c.Locals(memberLocal).(models.Member)
}

// missionOf is the mission the memberMission guard loaded.
func missionOf(c *fiber.Ctx) *models.Mission {
	return c.Locals(missionLocal).(*models.Mission)
}

// applicationOf is the application the memberApplication guard loaded.
func applicationOf(c *fiber.Ctx) *models.Application {
	return c.Locals(applicationLocal).(*models.Application)
}
