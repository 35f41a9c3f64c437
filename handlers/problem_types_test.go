package handlers

import (
	"go/ast"
	"go/parser"
	gotoken "go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/entraide/entraide/i18n"
)

// TestProblemTypesHaveTitles fails when a registered problem type has no
// title in the catalogue. The i18n package's own test makes sure that every
// catalogue key has both a French and an English text.
func TestProblemTypesHaveTitles(t *testing.T) {
	for typ, key := range problemTitles {
		if !i18n.Has(key) {
			t.Errorf("problem type %q: title key %q is not in the catalogue", typ, key)
			continue
		}
		for _, lang := range []string{i18n.French, i18n.English} {
			if strings.TrimSpace(i18n.T(lang, key)) == "" {
				t.Errorf("problem type %q has an empty %s title", typ, lang)
			}
		}
	}
}

// TestProblemTypesUsedAreRegistered reads the package's source: a string
// literal is assignable to ProblemType, so the compiler alone would let an
// unregistered type through.
func TestProblemTypesUsedAreRegistered(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := gotoken.NewFileSet()
	used := 0
	check := func(expr ast.Expr, consts map[string]string) {
		used++
		pos := fset.Position(expr.Pos())
		switch e := expr.(type) {
		case *ast.BasicLit:
			value, _ := strconv.Unquote(e.Value)
			if _, ok := problemTitles[ProblemType(value)]; !ok {
				t.Errorf("%s: problem type %q is not registered in problemTitles", pos, value)
			}
		case *ast.Ident:
			if value, ok := consts[e.Name]; ok {
				if _, ok := problemTitles[ProblemType(value)]; !ok {
					t.Errorf("%s: problem type %s (%q) is not registered in problemTitles", pos, e.Name, value)
				}
			}
		}
	}
	var parsed []*ast.File
	consts := map[string]string{}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, file)
		collectProblemConsts(file, consts)
	}
	for name, value := range consts {
		if _, ok := problemTitles[ProblemType(value)]; !ok {
			t.Errorf("constant %s (%q) is not registered in problemTitles", name, value)
		}
	}
	for _, file := range parsed {
		ast.Inspect(file, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CompositeLit:
				if id, ok := n.Type.(*ast.Ident); ok && id.Name == "Problem" {
					for _, elt := range n.Elts {
						if kv, ok := elt.(*ast.KeyValueExpr); ok && isIdent(kv.Key, "Slug") {
							check(kv.Value, consts)
						}
					}
				}
			case *ast.CallExpr:
				if isIdent(n.Fun, "problem") && len(n.Args) >= 2 {
					check(n.Args[1], consts)
				}
				if isIdent(n.Fun, "ProblemType") && len(n.Args) == 1 {
					check(n.Args[0], consts)
				}
			}
			return true
		})
	}
	if len(consts) < len(problemTitles) || used < 20 {
		t.Fatalf("saw %d constants and %d uses: the test no longer reads the source", len(consts), used)
	}
}

// collectProblemConsts records the value of every constant declared with
// the ProblemType type.
func collectProblemConsts(file *ast.File, consts map[string]string) {
	for _, decl := range file.Decls {
		gen, ok := decl.(*ast.GenDecl)
		if !ok || gen.Tok != gotoken.CONST {
			continue
		}
		for _, spec := range gen.Specs {
			vs := spec.(*ast.ValueSpec)
			if !isIdent(vs.Type, "ProblemType") {
				continue
			}
			for i, name := range vs.Names {
				if i < len(vs.Values) {
					if lit, ok := vs.Values[i].(*ast.BasicLit); ok {
						consts[name.Name], _ = strconv.Unquote(lit.Value)
					}
				}
			}
		}
	}
}

func isIdent(expr ast.Expr, name string) bool {
	id, ok := expr.(*ast.Ident)
	return ok && id.Name == name
}
