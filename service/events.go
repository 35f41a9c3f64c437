package service

// wireEvents subscribes each feature to the others' events, once, in the
// order they run: an erased account leaves the matching index first, then
// loses its notifications, then its open applications (freeing places).
func (svc *Service) wireEvents() {
	bus := svc.Events
	bus.OnAccountDeleted(svc.Catalog.RemoveVolunteer)
	bus.OnAccountDeleted(svc.Notify.DeleteUser)
	bus.OnAccountDeleted(svc.Applications.WithdrawAll)
	bus.OnAccountDeleted(svc.Watch.LeaveAll)
	bus.OnAccountDeleted(svc.Store.DeleteAttestationsOf)
	bus.OnMissionCancelled(svc.Applications.CancelApplications)
	bus.OnUrgentPublished(svc.Applications.AlertUrgent)
	bus.OnMissionInvitation(svc.Applications.TellInvited)
	bus.OnOrgInvitation(svc.Notify.EmailOrgInvitation)
}
