package outdir

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"fyp/internal/bilingual"
)

// text renders s.
func text(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

// bundle makes Files from path, content pairs.
func bundle(kv ...string) Files {
	f := Files{}
	for i := 0; i < len(kv); i += 2 {
		f[kv[i]] = text(kv[i+1])
	}
	return f
}

// version is the files a, b and sub/c, each holding "NAME vN".
func version(n int) Files {
	v := " v" + strconv.Itoa(n)
	return bundle("a.txt", "a"+v, "b.txt", "b"+v, "sub/c.txt", "c"+v)
}

func write(dir, cmd string, force bool, f Files) error {
	return Write(context.Background(), dir, f, Options{Command: cmd, Force: force, Wait: 2 * time.Second})
}

// tree returns every regular file under dir (links not followed), by
// slash-separated path, with its content; fyp's temporary folders are
// listed as "TEMP".
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		switch {
		case p == dir:
			return nil
		case d.IsDir() && strings.HasPrefix(d.Name(), tempPrefix):
			out[rel] = "TEMP"
			return fs.SkipDir
		case d.IsDir():
			out[rel+"/"] = ""
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out[rel] = string(data)
		default:
			out[rel] = "LINK"
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// owners reads the manifest: path → command.
func owners(t *testing.T, dir string) map[string]string {
	t.Helper()
	m, ok, err := readManifest(filepath.Join(dir, ManifestName))
	if err != nil || !ok {
		t.Fatalf("manifest: ok %v, %v", ok, err)
	}
	out := map[string]string{}
	for _, e := range m.Files {
		out[e.Path] = e.Command
	}
	return out
}

func put(t *testing.T, dir, name, content string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// without drops the manifest from a tree (its timestamps change).
func without(tr map[string]string, names ...string) map[string]string {
	out := map[string]string{}
	for k, v := range tr {
		out[k] = v
	}
	delete(out, ManifestName)
	for _, n := range names {
		delete(out, n)
	}
	return out
}

func sameTree(t *testing.T, got, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if g, ok := got[k]; !ok {
			t.Errorf("%s missing (want %q)", k, v)
		} else if g != v {
			t.Errorf("%s = %q, want %q", k, g, v)
		}
	}
	for k, v := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected %s (%q)", k, v)
		}
	}
}

// TestWrite runs the reproductions of issue 12 §1 against a folder: each
// case sets the folder up, makes the writes in order, and compares the
// folder's files (manifest aside) and the manifest's owners.
func TestWrite(t *testing.T) {
	type step struct {
		before  func(t *testing.T, dir string) // the user's doing, before this write
		cmd     string
		force   bool
		files   Files
		wantErr string // in the *Error; "" for success
	}
	tests := []struct {
		name   string
		setup  func(t *testing.T, dir string)
		steps  []step
		want   map[string]string // files after the steps, manifest aside
		owners map[string]string // nil: the manifest is as the setup left it
	}{
		{
			name:  "--force keeps a foreign folder's files and subfolders",
			setup: func(t *testing.T, dir string) { put(t, dir, "mine.txt", "mine"); put(t, dir, "sub/keep.txt", "keep") },
			steps: []step{{cmd: "run", force: true, files: version(1)}},
			want: map[string]string{"mine.txt": "mine", "sub/": "", "sub/keep.txt": "keep",
				"a.txt": "a v1", "b.txt": "b v1", "sub/c.txt": "c v1"},
			owners: map[string]string{"a.txt": "run", "b.txt": "run", "sub/c.txt": "run"},
		},
		{
			name:  "a foreign folder without --force is refused and untouched",
			setup: func(t *testing.T, dir string) { put(t, dir, "mine.txt", "mine") },
			steps: []step{{cmd: "run", files: version(1), wantErr: "not written by fyp (mine.txt)"}},
			want:  map[string]string{"mine.txt": "mine"},
		},
		{
			name: "a re-run keeps the user's file and removes only its own stale file",
			steps: []step{
				{cmd: "run", files: version(1)},
				{before: func(t *testing.T, dir string) { put(t, dir, "my-notes.txt", "notes") },
					cmd: "run", files: bundle("a.txt", "a v2", "sub/c.txt", "c v2")},
			},
			want:   map[string]string{"a.txt": "a v2", "sub/": "", "sub/c.txt": "c v2", "my-notes.txt": "notes"},
			owners: map[string]string{"a.txt": "run", "sub/c.txt": "run"},
		},
		{
			name: "run then report: each keeps the other's files",
			steps: []step{
				{cmd: "run", files: bundle("targets.csv", "t", "index.html", "run page", "charts/gdp.png", "run gdp")},
				{cmd: "report", files: bundle("index.html", "report page", "review.csv", "r")},
				{cmd: "report", files: bundle("index.html", "report page 2")},
			},
			want: map[string]string{"targets.csv": "t", "index.html": "report page 2",
				"charts/": "", "charts/gdp.png": "run gdp"},
			owners: map[string]string{"targets.csv": "run", "index.html": "report", "charts/gdp.png": "run"},
		},
		{
			name:  "--force never overwrites a foreign file in the way",
			setup: func(t *testing.T, dir string) { put(t, dir, "b.txt", "mine") },
			steps: []step{{cmd: "run", force: true, files: version(1), wantErr: "b.txt (not written by fyp)"}},
			want:  map[string]string{"b.txt": "mine"},
		},
		{
			name:  "a foreign folder where a file should go is refused",
			setup: func(t *testing.T, dir string) { put(t, dir, "a.txt/x", "mine") },
			steps: []step{{cmd: "run", force: true, files: version(1), wantErr: "a.txt (a folder)"}},
			want:  map[string]string{"a.txt/": "", "a.txt/x": "mine"},
		},
		{
			name: "an older fyp's folder: its names replaced, the rest kept, the marker gives way",
			setup: func(t *testing.T, dir string) {
				put(t, dir, LegacyMarker, "written by fyp")
				put(t, dir, "a.txt", "a old")
				put(t, dir, "old-only.txt", "?")
			},
			steps: []step{{cmd: "run", files: version(1)}},
			want: map[string]string{"a.txt": "a v1", "b.txt": "b v1", "sub/": "", "sub/c.txt": "c v1",
				"old-only.txt": "?"},
			owners: map[string]string{"a.txt": "run", "b.txt": "run", "sub/c.txt": "run"},
		},
		{
			name: "a damaged manifest is refused",
			setup: func(t *testing.T, dir string) {
				put(t, dir, ManifestName, "{")
				put(t, dir, "a.txt", "mine")
			},
			steps: []step{{cmd: "run", force: true, files: version(1), wantErr: "damaged"}},
			want:  map[string]string{"a.txt": "mine"},
		},
		{
			name: "a manifest naming a file outside the folder is refused",
			setup: func(t *testing.T, dir string) {
				put(t, dir, ManifestName, `{"fyp_manifest":1,"files":[{"path":"../victim","command":"run"}]}`)
			},
			steps: []step{{cmd: "run", files: version(1), wantErr: "not a plain path"}},
			want:  map[string]string{},
		},
		{
			name: "a subfolder that is a link is not written through",
			setup: func(t *testing.T, dir string) {
				elsewhere := t.TempDir()
				if err := os.Symlink(elsewhere, filepath.Join(dir, "sub")); err != nil {
					t.Skip(err)
				}
			},
			steps: []step{{cmd: "run", force: true, files: version(1), wantErr: "sub (not a folder)"}},
			want:  map[string]string{"sub": "LINK"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "out")
			if err := os.Mkdir(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			setupManifest, _ := os.ReadFile(filepath.Join(dir, ManifestName))
			for i, s := range tc.steps {
				if s.before != nil {
					s.before(t, dir)
				}
				err := write(dir, s.cmd, s.force, s.files)
				var oe *Error
				switch {
				case s.wantErr == "" && err != nil:
					t.Fatalf("step %d: %v", i, err)
				case s.wantErr != "" && (!errors.As(err, &oe) || !strings.Contains(err.Error(), s.wantErr)):
					t.Fatalf("step %d: error %v, want an *Error with %q", i, err, s.wantErr)
				}
			}
			sameTree(t, without(tree(t, dir)), tc.want)
			if tc.owners == nil {
				if m, _ := os.ReadFile(filepath.Join(dir, ManifestName)); string(m) != string(setupManifest) {
					t.Errorf("a refused write changed the manifest: %q", m)
				}
				return
			}
			got := owners(t, dir)
			if len(got) != len(tc.owners) {
				t.Errorf("manifest owners = %v, want %v", got, tc.owners)
			}
			for p, cmd := range tc.owners {
				if got[p] != cmd {
					t.Errorf("manifest: %s written by %q, want %q", p, got[p], cmd)
				}
			}
		})
	}
}

// TestChangedFile: a file fyp wrote and the user then edited is the user's:
// never overwritten, never removed as stale.
func TestChangedFile(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir, "run", false, version(1)); err != nil {
		t.Fatal(err)
	}
	put(t, dir, "a.txt", "edited by the user")
	err := write(dir, "run", false, version(2))
	var oe *Error
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "a.txt (changed since fyp wrote it)") {
		t.Fatalf("overwriting an edited file: %v", err)
	}
	if err := write(dir, "run", false, bundle("b.txt", "b v3")); err != nil {
		t.Fatal(err)
	}
	sameTree(t, without(tree(t, dir)), map[string]string{"a.txt": "edited by the user", "b.txt": "b v3"})
	if got := owners(t, dir); len(got) != 1 || got["b.txt"] != "run" {
		t.Errorf("manifest owners = %v, want only b.txt", got)
	}
}

// TestBadFolder: folders fyp will not write into, whatever --force says.
func TestBadFolder(t *testing.T) {
	base := t.TempDir()
	file := filepath.Join(base, "file")
	put(t, base, "file", "mine")
	tests := []struct{ name, dir, want, zh string }{
		{"root", string(filepath.Separator), "is the root folder", "是根目录"},
		{"a file", file, "is a file, not a folder", "是文件，不是文件夹"},
		{"inside a file", filepath.Join(file, "out"), "is a file", "无法创建文件夹：" + file + "是一个文件"},
		{"a link to nothing", filepath.Join(base, "dangling"), "which does not exist", "是指向" + filepath.Join(base, "nowhere") + "的链接，但该文件夹不存在"},
		{"empty", "", "no folder given", "没有给出文件夹"},
	}
	if err := os.Symlink(filepath.Join(base, "nowhere"), filepath.Join(base, "dangling")); err != nil {
		t.Skip(err)
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := write(tc.dir, "run", true, version(1))
			var oe *Error
			if !errors.As(err, &oe) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Write(%q) = %v, want an *Error with %q", tc.dir, err, tc.want)
			}
			if zh := oe.In("zh"); !strings.Contains(zh, tc.zh) || !bilingual.SameNumbers(zh, err.Error()) {
				t.Errorf("Write(%q) in Chinese = %q, want %q with the numbers of %q", tc.dir, zh, tc.zh, err)
			}
		})
	}
	sameTree(t, tree(t, base), map[string]string{"file": "mine", "dangling": "LINK"})
}

// TestLinkKept: --out naming a link to a folder writes into that folder and
// leaves the link a link.
func TestLinkKept(t *testing.T) {
	base := t.TempDir()
	target := filepath.Join(base, "target")
	link := filepath.Join(base, "link")
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("target", link); err != nil {
		t.Skip(err)
	}
	for i := 1; i <= 2; i++ {
		if err := write(link, "run", false, version(i)); err != nil {
			t.Fatal(err)
		}
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Fatalf("link replaced: %v %v", fi, err)
	}
	sameTree(t, without(tree(t, target)), without(map[string]string{"a.txt": "a v2", "b.txt": "b v2", "sub/": "", "sub/c.txt": "c v2"}))
}

// deadPID returns the pid of a process that has ended.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	pid := cmd.Process.Pid
	if alive(pid) {
		t.Skipf("pid %d was reused at once", pid)
	}
	return pid
}

// TestStaleTemp: the next write removes the temporary folders of writers
// that died (gone, or over an hour old) and nothing else.
func TestStaleTemp(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir, "run", false, version(1)); err != nil {
		t.Fatal(err)
	}
	dead := tempPrefix + strconv.Itoa(deadPID(t)) + "-1"
	live := tempPrefix + strconv.Itoa(os.Getppid()) + "-2"
	old := tempPrefix + strconv.Itoa(os.Getppid()) + "-3"
	put(t, dir, dead+"/a.txt", "half")
	put(t, dir, live+"/a.txt", "busy")
	put(t, dir, old+"/a.txt", "old")
	long := time.Now().Add(-2 * staleAge)
	if err := os.Chtimes(filepath.Join(dir, old), long, long); err != nil {
		t.Fatal(err)
	}
	put(t, dir, tempPrefix+"notes/x", "user's")           // not a name fyp makes
	put(t, dir, tempPrefix+"7-8", "a file, not a folder") // not a folder
	if err := write(dir, "run", false, version(2)); err != nil {
		t.Fatal(err)
	}
	sameTree(t, without(tree(t, dir)), map[string]string{
		"a.txt": "a v2", "b.txt": "b v2", "sub/": "", "sub/c.txt": "c v2",
		live: "TEMP", tempPrefix + "notes": "TEMP", tempPrefix + "7-8": "a file, not a folder",
	})
	if _, err := os.Stat(filepath.Join(dir, tempPrefix+"notes", "x")); err != nil {
		t.Error("a folder fyp did not make was touched")
	}
}

// TestFailedRender: a render that fails half-way, or a cancelled context,
// leaves the previous output exactly as it was and no temporary.
func TestFailedRender(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(cancel func()) func(io.Writer) error
		want error
	}{
		{"render error", func(func()) func(io.Writer) error {
			return func(w io.Writer) error { io.WriteString(w, "b half"); return errors.New("disk on fire") }
		}, nil},
		{"interrupted", func(cancel func()) func(io.Writer) error {
			return func(w io.Writer) error { io.WriteString(w, "b v2"); cancel(); return nil }
		}, context.Canceled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := write(dir, "run", false, version(1)); err != nil {
				t.Fatal(err)
			}
			put(t, dir, "notes.txt", "mine")
			before := tree(t, dir)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			f := version(2)
			f["b.txt"] = tc.make(cancel)
			err := Write(ctx, dir, f, Options{Command: "run"})
			if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
				t.Fatalf("Write = %v, want an error (%v)", err, tc.want)
			}
			sameTree(t, tree(t, dir), before)
		})
	}
}

// TestFailedRenderNewFolder: a failed write into a folder it created
// leaves no folder behind.
func TestFailedRenderNewFolder(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new")
	f := version(1)
	f["b.txt"] = func(io.Writer) error { return errors.New("disk on fire") }
	if err := write(dir, "run", false, f); err == nil {
		t.Fatal("Write succeeded")
	}
	if _, err := os.Lstat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the new folder was left behind: %v", err)
	}
}

// TestConcurrent: a second writer into the same folder waits for the first
// (within its bound) or is refused with a plain message, never a raw error.
func TestConcurrent(t *testing.T) {
	dir := t.TempDir()
	release := make(chan struct{})
	started := make(chan struct{})
	first := make(chan error, 1)
	var order []string
	var mu sync.Mutex
	mark := func(s string) { mu.Lock(); order = append(order, s); mu.Unlock() }
	go func() {
		f := version(1)
		f["a.txt"] = func(w io.Writer) error { close(started); <-release; io.WriteString(w, "a v1"); return nil }
		err := write(dir, "run", false, f)
		mark("first done")
		first <- err
	}()
	<-started
	err := Write(context.Background(), dir, version(2), Options{Command: "run", Wait: 300 * time.Millisecond})
	var oe *Error
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "another fyp") {
		t.Fatalf("writer during another: %v, want an *Error saying another fyp is writing", err)
	}
	second := make(chan error, 1)
	go func() {
		err := Write(context.Background(), dir, version(3), Options{Command: "run", Wait: 20 * time.Second})
		mark("second done")
		second <- err
	}()
	time.Sleep(200 * time.Millisecond)
	mark("released")
	close(release)
	if err := <-first; err != nil {
		t.Fatal(err)
	}
	if err := <-second; err != nil {
		t.Fatal(err)
	}
	if strings.Join(order, ",") != "released,first done,second done" {
		t.Errorf("order = %v: the second writer did not wait for the first", order)
	}
	sameTree(t, without(tree(t, dir)), map[string]string{"a.txt": "a v3", "b.txt": "b v3", "sub/": "", "sub/c.txt": "c v3"})
}

// TestManyWriters: several writers at once all succeed, one after another.
func TestManyWriters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	var wg sync.WaitGroup
	errs := make(chan error, 6)
	for i := 1; i <= 6; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs <- Write(context.Background(), dir, version(i), Options{Command: "run", Wait: 30 * time.Second})
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	got := without(tree(t, dir))
	v := strings.TrimPrefix(got["a.txt"], "a ")
	sameTree(t, got, map[string]string{"a.txt": "a " + v, "b.txt": "b " + v, "sub/": "", "sub/c.txt": "c " + v})
}

func TestCheckName(t *testing.T) {
	for _, name := range []string{"", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", `a\b`, ManifestName, "sub/../" + ManifestName, tempPrefix + "1-2/x", LegacyMarker} {
		if checkName(name) == nil {
			t.Errorf("checkName(%q) = nil, want an error", name)
		}
	}
	for _, name := range []string{"a.txt", "charts/gdp.png", ".hidden"} {
		if err := checkName(name); err != nil {
			t.Errorf("checkName(%q) = %v", name, err)
		}
	}
}
