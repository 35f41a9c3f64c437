package frontend

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// keyPattern finds the catalogue keys a template names: "area.name"
// literals, and the label and hint keys of field options.
var keyPattern = regexp.MustCompile(`"(?:hint=)?([a-z_]+\.[a-z_0-9.]+)"`)

// TestTemplatesUseKnownKeys fails on a catalogue key that a template
// names and the catalogue lacks: the page would show the key itself.
func TestTemplatesUseKnownKeys(t *testing.T) {
	err := fs.WalkDir(templateFiles, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templateFiles, path)
		if err != nil {
			return err
		}
		for _, m := range keyPattern.FindAllStringSubmatch(string(data), -1) {
			key := m[1]
			if strings.HasSuffix(key, ".") || strings.Contains(key, ".html") || strings.HasPrefix(key, "app.") || strings.HasPrefix(key, "favicon.") ||
				strings.HasSuffix(key, ".js") || strings.HasSuffix(key, ".css") {
				continue
			}
			if !i18n.Has(key) {
				t.Errorf("%s: unknown key %q", path, key)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestStateKeysExist checks the keys templates build with printf: every
// state, kind, role and category they can name.
func TestStateKeysExist(t *testing.T) {
	var keys []string
	for _, st := range models.ApplicationStatuses {
		keys = append(keys, "astatus."+string(st))
	}
	for _, st := range []models.MissionStatus{models.MissionDraft, models.MissionSubmitted, models.MissionPublished,
		models.MissionRejected, models.MissionClosed, models.MissionCancelled} {
		keys = append(keys, "mstatus."+string(st), "mstatus_plural."+string(st))
	}
	for _, st := range []models.OrgStatus{models.OrgPending, models.OrgVerified, models.OrgRejected, models.OrgSuspended} {
		keys = append(keys, "ostatus."+string(st))
	}
	for _, k := range models.OrgKinds {
		keys = append(keys, "org_kind."+string(k))
	}
	for _, c := range models.Categories {
		keys = append(keys, "category."+string(c))
	}
	for _, r := range []models.Role{models.RoleVolunteer, models.RoleOrganization, models.RoleAdmin} {
		keys = append(keys, "role."+string(r))
	}
	for _, u := range []models.UserStatus{models.UserActive, models.UserSuspended, models.UserDeleted} {
		keys = append(keys, "ustatus."+string(u))
	}
	for _, r := range models.DeclineReasons {
		keys = append(keys, "decline."+r)
	}
	for _, e := range models.ConfigurableEvents() {
		keys = append(keys, "event."+string(e))
	}
	keys = append(keys, "member_role.owner", "member_role.member", "thread.volunteer", "thread.organization", "thread.system")
	for _, key := range keys {
		if !i18n.Has(key) {
			t.Errorf("unknown key %q", key)
		}
	}
}
