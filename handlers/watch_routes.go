package handlers

import (
	"github.com/gofiber/fiber/v2"

	"github.com/entraide/entraide/models"
	"github.com/entraide/entraide/watch"
)

// watchSetup builds the watch service and its hooks: a deleted volunteer
// hands their people back.
func (s *Server) watchSetup() {
	s.watch = watch.New(s.store, s.notify, watch.Options{Logger: s.log, Now: s.now})
	s.onAccountDeleted = append(s.onAccountDeleted, s.watch.LeaveAll)
}

// Watch returns the watch service, for the retention worker.
func (s *Server) Watch() *watch.Service { return s.watch }

// watchRoutes registers the watch API (issue 15): coordinators are the
// members of the organisation (checked in each handler through
// memberOrg), volunteers reach only their own people.
func (s *Server) watchRoutes(api fiber.Router) {
	org := s.requireRole(models.RoleOrganization)
	volunteer := s.requireRole(models.RoleVolunteer)
	const base = "/organizations/:orgId/watch/programmes"
	const one = base + "/:programmeId"
	api.Get(base, org, s.listWatchProgrammes)
	api.Post(base, org, s.createWatchProgramme)
	api.Get(one, org, s.getWatchProgramme)
	api.Get(one+"/board", org, s.watchBoard)
	api.Get(one+"/people", org, s.listWatchPeople)
	api.Post(one+"/people", org, s.addWatchPerson)
	api.Post(one+"/people/import", org, s.importWatchPeople)
	api.Get(one+"/people/:personId", org, s.getWatchPerson)
	api.Delete(one+"/people/:personId", org, s.deleteWatchPerson)
	api.Get(one+"/people/:personId/calls", org, s.watchPersonCalls)
	api.Put(one+"/people/:personId/volunteer", org, s.assignWatchPerson)
	api.Post(one+"/volunteers", org, s.addWatchVolunteer)
	api.Get(one+"/volunteers/candidates", org, s.watchVolunteerCandidates)
	api.Delete(one+"/volunteers/:userId", org, s.removeWatchVolunteer)
	api.Get(one+"/pairing", org, s.watchPairing)
	api.Post(one+"/pairing", org, s.applyWatchPairing)
	api.Post(one+"/concerns/:concernId/handle", org, s.watchConcernAction(false))
	api.Post(one+"/concerns/:concernId/close", org, s.watchConcernAction(true))

	api.Get("/me/watch", volunteer, s.myWatch)
	api.Get("/me/watch/people/:personId", volunteer, s.myWatchPerson)
	api.Post("/me/watch/people/:personId/calls", volunteer, s.logWatchCall)
	api.Post("/me/watch/programmes/:programmeId/leave", volunteer, s.leaveWatchProgramme)
}
