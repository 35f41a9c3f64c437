// Package match is the in-memory search and matching index: it answers mission searches,
// recommends missions to volunteers and ranks candidate volunteers for a mission, without
// touching the database.
//
// The index holds published missions (with their shifts) and only the matching fields of
// volunteer profiles, in compact form: bitsets for categories, skills, languages and weekly
// availability, and spatial grids for distance. It does no I/O and imports no other project
// package: handlers feed it from the store and call it. All methods are safe for concurrent
// use. docs/matching.md describes the score, the reasons and the search semantics.
package match
