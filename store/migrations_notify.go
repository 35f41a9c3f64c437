package store

import "go.mongodb.org/mongo-driver/v2/bson"

// notifyMigrations are the indexes of notifications, the e-mail outbox and
// single-use tokens. They run after the base list (see init).
var notifyMigrations = []migration{
	{"outbox.status_next_attempt", index("outbox", bson.D{{Key: "status", Value: 1}, {Key: "next_attempt_at", Value: 1}}, false)},
	{"outbox.user_id", index("outbox", bson.D{{Key: "user_id", Value: 1}}, false)},
	{"outbox_done.status_created", index("outbox_done", bson.D{{Key: "status", Value: 1}, {Key: "created_at", Value: 1}}, false)},
	{"outbox_done.user_id", index("outbox_done", bson.D{{Key: "user_id", Value: 1}}, false)},
	{"notifications.user_created", index("notifications", bson.D{{Key: "user_id", Value: 1}, {Key: "created_at", Value: -1}}, false)},
	{"notifications.digest_pending", index("notifications", bson.D{{Key: "digest_pending", Value: 1}}, false)},
	{"onetime_tokens.user_id", index("onetime_tokens", bson.D{{Key: "user_id", Value: 1}}, false)},
}

// The list is append-only across files: init functions run in file-name
// order, after every package variable is set.
