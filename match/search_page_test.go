package match

import "testing"

// TestSearchPagePastTheEnd: a page past every mission is empty, not a
// panic (found by bench/scale paging through a small catalogue).
func TestSearchPagePastTheEnd(t *testing.T) {
	ix := New(genConfig())
	if err := ix.BuildMissions(newGenerator(9).missions(30)); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(Query{Page: 5, PerPage: 50}, genBase.AddDate(0, 0, -5))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Items) != 0 || res.Total == 0 {
		t.Errorf("page 5: %d items, total %d", len(res.Items), res.Total)
	}
}
