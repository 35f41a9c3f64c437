package handlers

// wireHooks connects each feature to the others' events, in one place
// rather than from route registration. The order is the order they run in.
func (s *Server) wireHooks() {
	s.registerMatchingHooks()
	s.exportParts = append(s.exportParts, s.exportNotifications)
	s.onAccountDeleted = append(s.onAccountDeleted, s.notify.DeleteUser)
	s.onInvitation = append(s.onInvitation, s.emailInvitation)
	s.onMissionCancelled = append(s.onMissionCancelled, s.cancelApplications)
	s.onAccountDeleted = append(s.onAccountDeleted, s.withdrawAllApplications)
	s.exportParts = append(s.exportParts, s.exportApplications)
}
