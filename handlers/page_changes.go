package handlers

import (
	"fmt"
	"strings"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

func init() {
	// Confirmations of the moderation pages (kept here, not in the shared
	// table, so that parallel branches do not collide).
	notices["revision_pending"] = "notice.revision_pending"
	notices["revision_approve"] = "notice.revision_approve"
	notices["revision_reject"] = "notice.revision_reject"
	notices["identity_pending"] = "notice.identity_pending"
	notices["identity_approve"] = "notice.identity_approve"
	notices["identity_reject"] = "notice.identity_reject"
}

// changeRow is one field of a pending change as a page shows it.
type changeRow struct {
	Label, Old, New string
}

// missionFieldLabels names a mission's fields with the editor's labels.
var missionFieldLabels = map[string]string{
	"title": "editor.title", "description": "editor.description", "category": "editor.category",
	"skills": "editor.skills", "tags": "editor.tags", "languages": "editor.languages", "remote": "editor.remote",
	"address": "editor.address", "postcode": "editor.postcode", "min_age": "editor.min_age",
	"requires_vetting": "editor.vetting", "urgent": "editor.urgent", "auto_accept": "editor.auto_accept",
	"accessibility_notes": "editor.accessibility",
}

// orgFieldLabels names an organisation's fields with the form's labels.
var orgFieldLabels = map[string]string{
	"name": "orgform.name", "kind": "orgform.kind", "siret": "orgform.siret", "rna": "orgform.rna",
	"address": "orgform.address", "postcode": "orgform.postcode", "contact_email": "orgform.contact_email",
	"contact_phone": "orgform.contact_phone",
}

// changeRows renders changes for a page in lang; labels maps a field to
// its label's key.
func changeRows(lang string, changes []models.FieldChange, labels map[string]string) []changeRow {
	rows := make([]changeRow, 0, len(changes))
	for _, ch := range changes {
		label := ch.Field
		if key, ok := labels[ch.Field]; ok {
			label = i18n.T(lang, key)
		}
		rows = append(rows, changeRow{Label: label, Old: changeValue(lang, ch.Field, ch.Old), New: changeValue(lang, ch.Field, ch.New)})
	}
	return rows
}

func changeValue(lang, field string, v any) string {
	switch val := v.(type) {
	case bool:
		if val {
			return i18n.T(lang, "change.yes")
		}
		return i18n.T(lang, "change.no")
	case []string:
		if len(val) == 0 {
			return "—"
		}
		return strings.Join(val, ", ")
	case string:
		if val == "" {
			return "—"
		}
		switch field {
		case "category":
			return i18n.T(lang, "category."+val)
		case "kind":
			return i18n.T(lang, "org_kind."+val)
		}
		return val
	default:
		return fmt.Sprint(val)
	}
}
