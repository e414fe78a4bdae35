package outdir

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestPrecheck: the refusals a command can give before it computes
// anything, and the folders it lets through. It never writes.
func TestPrecheck(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "afile")
	os.WriteFile(file, []byte("x"), 0o644)
	foreign := filepath.Join(root, "foreign")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("mine"), 0o644)
	damaged := filepath.Join(root, "damaged")
	os.MkdirAll(damaged, 0o755)
	os.WriteFile(filepath.Join(damaged, ManifestName), []byte("{"), 0o644)
	dangling := filepath.Join(root, "dangling")
	os.Symlink(filepath.Join(root, "nowhere"), dangling)
	tests := []struct {
		name  string
		dir   string
		force bool
		want  string // "" for no refusal
	}{
		{"new folder", filepath.Join(root, "new"), false, ""},
		{"empty name", "", false, "no folder given"},
		{"root", "/", false, "root folder"},
		{"a file", file, false, "is a file"},
		{"below a file", filepath.Join(file, "sub"), false, "afile is a file"},
		{"dangling link", dangling, false, "does not exist"},
		{"foreign folder", foreign, false, "not written by fyp (notes.txt)"},
		{"foreign folder, --force", foreign, true, ""},
		{"damaged manifest", damaged, true, "damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadDir(root)
			err := Precheck(tt.dir, Options{Command: "run", Force: tt.force})
			var oe *Error
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Precheck(%q) = %v, want no refusal", tt.dir, err)
			case tt.want != "" && (!errors.As(err, &oe) || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Precheck(%q) = %v, want a refusal saying %q", tt.dir, err, tt.want)
			}
			if after, _ := os.ReadDir(root); len(after) != len(before) {
				t.Errorf("Precheck wrote into %s", root)
			}
		})
	}
}
