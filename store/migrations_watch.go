package store

import "go.mongodb.org/mongo-driver/v2/bson"

// watchMigrations are the indexes of the watch collections (issue 15).
// Request paths read these collections by _id; the indexes serve the
// retention job, which finds ended programmes and deletes by programme.
var watchMigrations = []migration{
	{"watch_programmes.ends_on", index("watch_programmes", bson.D{{Key: "ends_on", Value: 1}}, false)},
	{"watch_people.programme_id", index("watch_people", bson.D{{Key: "programme_id", Value: 1}}, false)},
	{"watch_calls.programme_id", index("watch_calls", bson.D{{Key: "programme_id", Value: 1}}, false)},
	{"watch_board.programme_id", index("watch_board", bson.D{{Key: "programme_id", Value: 1}}, false)},
}
