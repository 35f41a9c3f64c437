package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
)

// guard is who may reach a route. The route table names one on every
// line; its name is what the route test and docs/architecture.md read, its
// handlers run before the route's handler.
type guard struct {
	name string
	// member is set when the guard loads the path's organisation and
	// refuses everybody but its members (404).
	member bool
	api    []fiber.Handler // on an API route
	page   []fiber.Handler // on a page route (a browser is redirected, not refused)
}

// anonymous lets everybody in.
var anonymous = guard{name: "anonymous"}

// signedIn lets in any signed-in account.
func (s *Server) signedIn() guard {
	return guard{name: "signed-in", api: []fiber.Handler{s.requireUser}, page: []fiber.Handler{s.pageUser}}
}

// role lets in signed-in accounts of one role; a page sends the others to
// their own space.
func (s *Server) role(r models.Role) guard {
	page := map[models.Role]fiber.Handler{
		models.RoleVolunteer: s.pageVolunteer, models.RoleOrganization: s.pageOrg, models.RoleAdmin: s.pageAdmin,
	}[r]
	return guard{name: "role:" + string(r), api: []fiber.Handler{s.requireRole(r)}, page: []fiber.Handler{s.pageUser, page}}
}

// person lets in any signed-in account but an admin's: one account both
// volunteers and belongs to organisations, whatever it signed up as.
// Admin accounts moderate; they neither volunteer nor join organisations
// (an admin who volunteers uses a personal account), so a page sends them
// to the administration and the API answers 403.
func (s *Server) person() guard {
	return guard{name: "person", api: []fiber.Handler{s.requireRole(models.RoleVolunteer, models.RoleOrganization)},
		page: []fiber.Handler{s.pageUser, s.pagePerson}}
}

// admin lets in admins only.
func (s *Server) admin() guard {
	g := s.role(models.RoleAdmin)
	g.name = "admin"
	return g
}

// member lets in the members of the path's organisation (:orgId) with at
// least role min; the organisation is then orgOf(c). Anybody else gets a
// 404 before the handler runs: another organisation's data does not exist.
func (s *Server) member(min models.MemberRole) guard {
	g := s.person()
	g = g.and("", s.loadMembership(min))
	g.name, g.member = "member:"+string(min), true
	return g
}

// memberMission is member, and loads the path's mission (:id) within the
// organisation; it is then missionOf(c). A mission of another organisation
// is a 404.
func (s *Server) memberMission(min models.MemberRole) guard {
	return s.member(min).and("mission", s.loadOrgMission)
}

// memberApplication is member, and loads the path's application (:appId)
// within the organisation; it is then applicationOf(c). An application to
// another organisation is a 404.
func (s *Server) memberApplication(min models.MemberRole) guard {
	return s.member(min).and("application", s.loadOrgApplication)
}

// and adds a loader that runs after g's checks, named in the guard's name.
func (g guard) and(name string, h fiber.Handler) guard {
	g.name += "+" + name
	g.api = append(append([]fiber.Handler{}, g.api...), h)
	g.page = append(append([]fiber.Handler{}, g.page...), h)
	return g
}

// token names a route whose credential is a secret its handler checks (a
// metrics token, a partner API key, a calendar token, development mode).
func token(what string, handlers ...fiber.Handler) guard {
	return guard{name: "token:" + what, api: handlers, page: handlers}
}

// route is one line of the route table.
type route struct {
	Method, Path string
	Guard        guard
	Page         bool
}

// routeTable registers routes on the app and remembers them. It also
// watches every registration the app sees: one made anywhere but through
// the table is kept in stray, and a test fails on it.
type routeTable struct {
	app     *fiber.App
	entries []route
	uses    []string // paths of middleware mounted with Use
	adding  bool     // the table itself is registering
	stray   []string // "METHOD /path" registered outside the table
}

func newRouteTable(app *fiber.App) *routeTable {
	t := &routeTable{app: app}
	app.Hooks().OnRoute(func(r fiber.Route) error {
		if !t.adding {
			t.stray = append(t.stray, r.Method+" "+r.Path)
		}
		return nil
	})
	return t
}

// routeGroup registers the routes under one prefix, as API routes or as
// pages (through s.page: CSRF check and session refresh).
type routeGroup struct {
	table  *routeTable
	prefix string
	page   func(handlers ...fiber.Handler) []fiber.Handler // nil for the API
}

func (t *routeTable) use(path string, handlers ...any) {
	t.uses = append(t.uses, path)
	t.adding = true
	defer func() { t.adding = false }()
	t.app.Use(append([]any{path}, handlers...)...)
}

func (r routeGroup) add(method, path string, g guard, h fiber.Handler) {
	full := r.prefix + path
	if r.prefix != "" && path == "/" {
		full = r.prefix
	}
	var handlers []fiber.Handler
	if r.page != nil {
		handlers = r.page(append(append([]fiber.Handler{}, g.page...), h)...)
	} else {
		handlers = append(append([]fiber.Handler{}, g.api...), h)
	}
	r.table.entries = append(r.table.entries, route{Method: method, Path: full, Guard: g, Page: r.page != nil})
	r.table.adding = true
	defer func() { r.table.adding = false }()
	if method == fiber.MethodGet {
		// As fiber's Get does: a HEAD answers like the GET, without a body.
		r.table.app.Add(fiber.MethodHead, full, handlers...)
	}
	r.table.app.Add(method, full, handlers...)
}

func (r routeGroup) get(path string, g guard, h fiber.Handler)  { r.add(fiber.MethodGet, path, g, h) }
func (r routeGroup) post(path string, g guard, h fiber.Handler) { r.add(fiber.MethodPost, path, g, h) }
func (r routeGroup) put(path string, g guard, h fiber.Handler)  { r.add(fiber.MethodPut, path, g, h) }
func (r routeGroup) patch(path string, g guard, h fiber.Handler) {
	r.add(fiber.MethodPatch, path, g, h)
}
func (r routeGroup) delete(path string, g guard, h fiber.Handler) {
	r.add(fiber.MethodDelete, path, g, h)
}
