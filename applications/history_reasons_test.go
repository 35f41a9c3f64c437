package applications_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/entraide/entraide/i18n"
	"github.com/entraide/entraide/models"
)

// TestHistoryReasonsAreWorded reads this package's source: every reason
// code it writes into an application's history must be listed in
// models.HistoryReasons, and every listed or decline reason must have its
// words in the catalogue, so that no page shows a code.
func TestHistoryReasonsAreWorded(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var found []string
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Reason" {
					found = append(found, literal(n.Value)...)
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if sel, ok := lhs.(*ast.SelectorExpr); ok && sel.Sel.Name == "Reason" && i < len(n.Rhs) {
						found = append(found, literal(n.Rhs[i])...)
					}
				}
			}
			return true
		})
	}
	if len(found) < 5 {
		t.Fatalf("found only %d history reasons in the source: %v", len(found), found)
	}
	for _, r := range found {
		if !slices.Contains(models.HistoryReasons, r) {
			t.Errorf("history reason %q is not in models.HistoryReasons", r)
		}
	}
	for _, r := range append(slices.Clone(models.HistoryReasons), models.DeclineReasons...) {
		if !i18n.Has("history." + r) {
			t.Errorf("history reason %q has no words (history.%s)", r, r)
		}
	}
}

func literal(e ast.Expr) []string {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil
	}
	s, err := strconv.Unquote(lit.Value)
	if err != nil {
		return nil
	}
	return []string{s}
}
