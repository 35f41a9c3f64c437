package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCatalogueKeysDefinedOnce reads the package's source, because a key
// defined in two files' maps would otherwise be merged silently (whichever
// init runs last wins) however the files register their maps.
func TestCatalogueKeysDefinedOnce(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := map[string]string{}
	maps := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		file, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || !isCatalogueType(lit.Type) {
				return true
			}
			maps++
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				key, ok := stringLit(kv.Key)
				if !ok {
					t.Errorf("%s: catalogue key is not a string literal", fset.Position(kv.Pos()))
					continue
				}
				where := fset.Position(kv.Pos()).String()
				if first, dup := seen[key]; dup {
					t.Errorf("key %q defined twice: %s and %s", key, first, where)
				}
				seen[key] = where
				checkTexts(t, key, where, kv.Value)
			}
			return false
		})
	}
	if maps < 2 || len(seen) != len(catalogue) {
		t.Fatalf("read %d maps with %d keys, catalogue has %d: the test no longer sees every map", maps, len(seen), len(catalogue))
	}
}

// checkTexts requires a French and an English text for every key.
func checkTexts(t *testing.T, key, where string, value ast.Expr) {
	t.Helper()
	pair, ok := value.(*ast.CompositeLit)
	if !ok || len(pair.Elts) != 2 {
		t.Errorf("%s: %q is not a {French, English} pair", where, key)
		return
	}
	for i, lang := range []string{French, English} {
		if text, ok := stringLit(pair.Elts[i]); ok && strings.TrimSpace(text) == "" {
			t.Errorf("%s: %q has no %s text", where, key, lang)
		}
	}
}

func isCatalogueType(expr ast.Expr) bool {
	m, ok := expr.(*ast.MapType)
	if !ok {
		return false
	}
	key, ok := m.Key.(*ast.Ident)
	if !ok || key.Name != "string" {
		return false
	}
	arr, ok := m.Value.(*ast.ArrayType)
	if !ok || arr.Len == nil {
		return false
	}
	elem, ok := arr.Elt.(*ast.Ident)
	return ok && elem.Name == "string"
}

func stringLit(expr ast.Expr) (string, bool) {
	lit, ok := expr.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}

// TestRegisterRefusesDuplicates proves the start-up guard itself.
func TestRegisterRefusesDuplicates(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("registering an existing key did not panic")
		}
	}()
	register(map[string][2]string{"problem.not_found": {"x", "y"}})
}
