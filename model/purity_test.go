package model

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestModelIsPure keeps the engine free of I/O, configuration and plotting
// (STYLE.md rule 1): callers turn files into values, model computes.
func TestModelIsPure(t *testing.T) {
	forbidden := []string{"os", "io", "io/fs", "io/ioutil", "bufio", "net", "net/http", "flag",
		"github.com/spf13/viper", "github.com/spf13/cobra", "gopkg.in/yaml.v3", "fyp/seeds", "fyp/scenarios", "fyp/charts"}
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range af.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			for _, bad := range forbidden {
				if path == bad || strings.HasPrefix(path, "gonum.org/v1/plot") {
					t.Errorf("%s imports %q; model must stay pure", f, path)
				}
			}
		}
	}
}
