package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"

	"go.mongodb.org/mongo-driver/v2/mongo"
	_ "modernc.org/sqlite" // the SQLite driver FerretDB itself uses

	"strings"
)

// FerretDB v1.24's SQLite backend turns a {_id: value} filter into
//
//	WHERE _ferretdb_sjson->'$._id' = ?
//
// but indexes _id on the expression _ferretdb_sjson->"_id". SQLite uses an
// expression index only for the very same expression, so every key read
// scanned the whole table (120 ms for one mission among 2,000; 9 s for a
// user among 50,000). ensureKeyIndexes adds, to each collection's table,
// an index on the exact expression the pushdown uses; with it a key read
// is a B-tree lookup (0.03 ms). It is SQLite's own index, unknown to
// FerretDB's metadata and harmless to it; dropping the collection drops it.
// On MongoDB there is nothing to do.
func (s *Store) ensureKeyIndexes(ctx context.Context) error {
	if s.sqliteDir == "" {
		return nil
	}
	path := filepath.Join(s.sqliteDir, s.db.Name()+".sqlite")
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return fmt.Errorf("open embedded database file: %w", err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\_ferretdb\_%' ESCAPE '\'`)
	if err != nil {
		return fmt.Errorf("list embedded tables: %w", err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables = append(tables, name)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, table := range tables {
		quoted := strings.ReplaceAll(table, `"`, `""`)
		stmt := fmt.Sprintf(`CREATE INDEX IF NOT EXISTS "%s_entraide_key" ON "%s" (_ferretdb_sjson->'$._id')`, quoted, quoted)
		if _, err := db.ExecContext(ctx, stmt); err != nil {
			return fmt.Errorf("key index on %s: %w", table, err)
		}
	}
	return nil
}

// keyCollections are created up front (a migration), so that the key
// index exists before their first document: FerretDB creates a collection
// on its first insert otherwise.
var keyCollections = []string{
	userEmailsCol, userOrgsCol, missionShiftsCol, orgMissionsCol, shiftAppsCol, volunteerAppsCol, notificationListsCol,
	"users", "organizations", "missions", "shifts", "applications", "notifications", "notification_prefs",
	"refresh_tokens", "onetime_tokens", "counters", "meta", "outbox", "messages", "reports", "audit",
	"invitations", "mission_invitations", "calendar_feeds", "api_keys", "settings",
	"outbox_done", "place_checks", "invitation_quotas",
	"watch_programmes", "watch_org_programmes", "watch_people", "watch_calls", "watch_board",
	"watch_concerns", "watch_assignments", "catalogue_changes", "attestations",
}

func createCollections(names ...string) func(context.Context, *mongo.Database) error {
	return func(ctx context.Context, db *mongo.Database) error {
		existing, err := db.ListCollectionNames(ctx, map[string]any{})
		if err != nil {
			return err
		}
		for _, name := range names {
			if contains(existing, name) {
				continue
			}
			err := db.CreateCollection(ctx, name)
			var cmdErr mongo.CommandError
			if errors.As(err, &cmdErr) && cmdErr.Code == 48 { // NamespaceExists
				continue
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
