package store

import "go.mongodb.org/mongo-driver/v2/bson"

// applicationMigrations are the indexes of applications, their messages
// and calendar feeds. They run after the base list (see init).
var applicationMigrations = []migration{
	// One application per volunteer and shift: a duplicate is ErrConflict.
	{"applications.volunteer_shift unique", index("applications", bson.D{{Key: "volunteer_shift", Value: 1}}, true)},
	{"applications.volunteer_status", index("applications", bson.D{{Key: "volunteer_id", Value: 1}, {Key: "status", Value: 1}}, false)},
	{"applications.shift_status_rank", index("applications", bson.D{{Key: "shift_id", Value: 1}, {Key: "status", Value: 1}, {Key: "waitlist_rank", Value: 1}}, false)},
	{"applications.mission_status", index("applications", bson.D{{Key: "mission_id", Value: 1}, {Key: "status", Value: 1}}, false)},
	{"applications.status_created", index("applications", bson.D{{Key: "status", Value: 1}, {Key: "created_at", Value: 1}}, false)},
	{"messages.application_created", index("messages", bson.D{{Key: "application_id", Value: 1}, {Key: "created_at", Value: 1}}, false)},
	{"messages.volunteer_id", index("messages", bson.D{{Key: "volunteer_id", Value: 1}}, false)},
	{"calendar_feeds.user_id", index("calendar_feeds", bson.D{{Key: "user_id", Value: 1}}, false)},
}

// The list is append-only across files: init functions run in file-name
// order, after every package variable is set.
