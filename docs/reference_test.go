package docs

import "testing"

// TestReadGroupsTheContract reads the embedded contract: every operation
// lands under one tag, and the schemas come sorted with their properties.
func TestReadGroupsTheContract(t *testing.T) {
	ref, err := Read(OpenAPI)
	if err != nil {
		t.Fatal(err)
	}
	if ref.Title == "" || len(ref.Ops) < 50 || len(ref.Schemas) == 0 {
		t.Fatalf("reference too small: title %q, %d operations, %d schemas", ref.Title, len(ref.Ops), len(ref.Schemas))
	}
	grouped := 0
	for _, tag := range ref.Tags {
		grouped += len(tag.Operations)
	}
	if grouped != len(ref.Ops) {
		t.Errorf("%d operations under tags, %d in all", grouped, len(ref.Ops))
	}
	for i := 1; i < len(ref.Schemas); i++ {
		if ref.Schemas[i-1].Name >= ref.Schemas[i].Name {
			t.Errorf("schemas not sorted: %q before %q", ref.Schemas[i-1].Name, ref.Schemas[i].Name)
		}
	}
	if _, err := Read([]byte("not: [valid")); err == nil {
		t.Error("a broken document was read without error")
	}
}
