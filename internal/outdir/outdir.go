package outdir

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"fyp/internal/bilingual"
)

// Files maps each slash-separated path inside the folder to the function
// that renders it.
type Files map[string]func(io.Writer) error

// Options say who writes and how.
type Options struct {
	// Command is the fyp command writing (run, report, charts); the manifest
	// records it for each file, and a later write by the same command
	// removes the files this one wrote and that one does not.
	Command string
	// Force lets fyp write into a folder it did not write, beside the files
	// already there. It never lets fyp overwrite or delete them.
	Force bool
	// Wait bounds the wait for another fyp writing into the same folder;
	// zero means DefaultWait.
	Wait time.Duration
	// Notes, if not nil, receives a line for each thing the user may not
	// expect: files of another command replaced, stale files removed.
	Notes io.Writer
	// Lang is the language of the notes: "zh" for Chinese, else English.
	Lang string
}

// DefaultWait is how long a write waits for another one into the same
// folder to finish.
const DefaultWait = 2 * time.Minute

// Error is a folder fyp will not write into as asked (the root, a file,
// a foreign folder without Force, a file in the way that is not fyp's,
// another writer that does not finish). Commands exit 2 for it; nothing
// has been written.
type Error struct {
	Dir   string // as the user gave it
	Msg   string // in English
	MsgZH string // in Chinese
}

func (e *Error) Error() string { return e.Dir + ": " + e.Msg }

// In is the message in lang ("en", else Chinese).
func (e *Error) In(lang string) string {
	if lang == "en" {
		return e.Error()
	}
	return e.Dir + "：" + e.MsgZH
}

// refuse is an *Error worded in Chinese (zh) and English (en) from the
// same args (see bilingual.Sprintf).
func refuse(dir, zh, en string, args ...any) error {
	return &Error{dir, bilingual.Sprintf("en", zh, en, args...), bilingual.Sprintf("zh", zh, en, args...)}
}

func interrupted(dir string, err error) error {
	return fmt.Errorf("%s: interrupted, the folder keeps its previous files: %w", dir, err)
}

// testHook, when a test sets it, is called at each step of a write.
var testHook func(step string)

func step(s string) {
	if testHook != nil {
		testHook(s)
	}
}

// Write writes files into the folder dir (creating it if missing) as the
// package comment describes: it replaces only files fyp wrote there,
// removes only stale files of the same command, keeps everything else, and
// never leaves the folder missing or a file half-written.
func Write(ctx context.Context, dir string, files Files, opt Options) error {
	if opt.Command == "" {
		return errors.New("outdir: Options.Command is empty")
	}
	names := make([]string, 0, len(files))
	for name := range files {
		if err := checkName(name); err != nil {
			return fmt.Errorf("outdir: %v", err)
		}
		names = append(names, name)
	}
	sort.Strings(names)
	if !enter() {
		return interrupted(dir, context.Canceled)
	}
	defer leave()
	if err := ctx.Err(); err != nil {
		return interrupted(dir, err)
	}
	real, created, err := prepare(dir)
	if err != nil {
		return err
	}
	w := &writer{dir: dir, real: real, opt: opt, now: time.Now().UTC()}
	err = w.lockedWrite(ctx, names, files)
	if err != nil && created {
		_ = os.Remove(real) // the folder this write made, if it is still empty
	}
	return err
}

func (w *writer) lockedWrite(ctx context.Context, names []string, files Files) error {
	unlock, err := w.lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	return w.write(ctx, names, files)
}

// prepare checks dir and returns the folder to write into: dir itself, or
// the folder a link at dir points to (the link stays); created says it
// made the folder.
func prepare(dir string) (real string, created bool, err error) {
	real, err = resolve(dir)
	if err == nil && real == "" {
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return "", false, refuse(dir, "无法创建文件夹：%v", "cannot create the folder: %v", plain(err))
		}
		return dir, true, nil
	}
	return real, false, err
}

// resolve returns the folder to write into, or "" if dir does not exist and
// can be created.
func resolve(dir string) (string, error) {
	if dir == "" {
		return "", refuse(`""`, "没有给出文件夹", "no folder given")
	}
	real := dir
	fi, err := os.Lstat(dir)
	switch {
	case err != nil && !errors.Is(err, fs.ErrPermission):
		// Missing, or a file on the way (ENOTDIR): say which.
		for p := filepath.Dir(dir); ; p = filepath.Dir(p) {
			if fi, err := os.Stat(p); err == nil {
				if !fi.IsDir() {
					return "", refuse(dir, "无法创建文件夹：%s是一个文件", "cannot create the folder: %s is a file", p)
				}
				break
			}
			if p == filepath.Dir(p) {
				break
			}
		}
		return "", nil
	case err != nil:
		return "", refuse(dir, "%v", "%v", plain(err))
	case fi.Mode()&fs.ModeSymlink != 0:
		target, err := filepath.EvalSymlinks(dir)
		if err != nil {
			link, _ := os.Readlink(dir)
			return "", refuse(dir, "是指向%s的链接，但该文件夹不存在；请创建它或另选一个", "is a link to %s, which does not exist; create that folder or choose another", link)
		}
		if tfi, err := os.Stat(target); err != nil || !tfi.IsDir() {
			return "", refuse(dir, "是指向%s的链接，但它不是文件夹；请选一个文件夹", "is a link to %s, which is not a folder; choose a folder", target)
		}
		real = target
	case fi.Mode().IsRegular():
		return "", refuse(dir, "是文件，不是文件夹；请给出一个文件夹名（fyp会创建它）", "is a file, not a folder; choose a folder's name (fyp creates it)")
	case !fi.IsDir():
		return "", refuse(dir, "不是文件夹；请给出一个文件夹名（fyp会创建它）", "is not a folder; choose a folder's name (fyp creates it)")
	}
	abs, err := filepath.Abs(real)
	if err == nil {
		if r, err := filepath.EvalSymlinks(abs); err == nil {
			abs = r
		}
		if filepath.Dir(abs) == abs {
			return "", refuse(dir, "是根目录；请给fyp一个专用的文件夹，例如out", "is the root folder; give fyp a folder of its own, such as out")
		}
	}
	return real, nil
}

// plain drops the operation and path an *fs.PathError repeats.
func plain(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Path, pe.Err)
	}
	return err
}

type writer struct {
	dir  string // as given, for messages
	real string // the folder written into
	opt  Options
	now  time.Time
}

// note writes a line to Notes in Options.Lang, worded from zh or en with
// the same args (see bilingual.Sprintf).
func (w *writer) note(zh, en string, args ...any) {
	if w.opt.Notes == nil {
		return
	}
	if w.opt.Lang == "zh" {
		fmt.Fprintf(w.opt.Notes, "fyp: %s：%s\n", w.dir, bilingual.Sprintf("zh", zh, en, args...))
		return
	}
	fmt.Fprintf(w.opt.Notes, "fyp: %s: %s\n", w.dir, bilingual.Sprintf("en", zh, en, args...))
}

// lock waits, within Options.Wait, for the folder's lock.
func (w *writer) lock(ctx context.Context) (func(), error) {
	wait := w.opt.Wait
	if wait <= 0 {
		wait = DefaultWait
	}
	deadline := time.Now().Add(wait)
	for said := false; ; said = true {
		unlock, busy, err := tryLock(w.real)
		if err != nil {
			return nil, fmt.Errorf("%s: locking the folder: %w", w.dir, plain(err))
		}
		if !busy {
			return unlock, nil
		}
		if !said {
			w.note("另一个fyp正在写这个文件夹；最多等待%v", "another fyp is writing into this folder; waiting up to %v", wait)
		}
		if time.Now().After(deadline) {
			return nil, refuse(w.dir, "另一个fyp写这个文件夹已超过%v；请等它结束后再试", "another fyp has been writing into this folder for over %v; try again when it has finished", wait)
		}
		select {
		case <-ctx.Done():
			return nil, interrupted(w.dir, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func (w *writer) write(ctx context.Context, names []string, files Files) error {
	pending, temps, err := removeStale(w.real, w.now)
	if err != nil {
		return err
	}
	if len(temps) > 0 {
		w.note("删除了被中断的fyp留下的%s（%s）", "removed %s left by an interrupted fyp (%s)", count(len(temps), "临时文件夹", "temporary folder"), list(temps))
	}
	inv, err := w.inventory(pending)
	if err != nil {
		return err
	}
	if err := w.check(names, inv); err != nil {
		return err
	}

	tmp, err := newTemp(w.real)
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	written, err := w.render(ctx, tmp, names, files)
	if err != nil {
		return err
	}
	next := map[string]entry{}
	var stale []entry
	for p, e := range inv.files {
		switch {
		case files[p] != nil:
		case e.Command == w.opt.Command:
			stale = append(stale, e)
		default:
			next[p] = e
		}
	}
	for _, e := range written {
		next[e.Path] = e
	}
	// The new manifest waits in the temporary folder: if fyp is killed
	// while renaming, the next write finds it and knows both versions.
	if err := writeManifest(filepath.Join(tmp, ManifestName), next); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return interrupted(w.dir, err)
	}
	step("rendered")

	// From here nothing watches ctx: the renames take milliseconds, and
	// stopping half-way would leave a mix of old and new files.
	if err := w.swap(tmp, names, next, inv); err != nil {
		return err
	}
	sort.Slice(stale, func(i, j int) bool { return stale[i].Path < stale[j].Path })
	var removed []string
	for _, e := range stale {
		if err := os.Remove(filepath.Join(w.real, filepath.FromSlash(e.Path))); err == nil || errors.Is(err, fs.ErrNotExist) {
			removeEmptyParents(w.real, e.Path)
			removed = append(removed, e.Path)
		} else {
			next[e.Path] = e // still there, still fyp's
		}
	}
	if len(removed) < len(stale) {
		if err := w.putManifest(tmp, next); err != nil {
			return err
		}
	} else if err := os.Rename(filepath.Join(tmp, ManifestName), filepath.Join(w.real, ManifestName)); err != nil {
		return err
	}
	step("manifest")
	if inv.legacy {
		_ = os.Remove(filepath.Join(w.real, LegacyMarker))
		w.note("由不记录文件清单的旧版fyp写入：已替换`fyp %s`写的文件，其他文件全部保留；.fyp-manifest.json现在列出fyp的文件", "written by an older fyp that kept no list of its files: replaced the files `fyp %s` writes and kept every other file; .fyp-manifest.json now lists fyp's files", w.opt.Command)
	}
	syncDir(w.real)
	w.report(names, inv, removed)
	return nil
}

// report notes what the user may not expect.
func (w *writer) report(names []string, inv *inventory, removed []string) {
	byCmd := map[string][]string{}
	kept := map[string]int{}
	writes := map[string]bool{}
	for _, n := range names {
		writes[n] = true
	}
	for p, e := range inv.files {
		if e.Command == w.opt.Command {
			continue
		}
		if writes[p] {
			byCmd[e.Command] = append(byCmd[e.Command], p)
		} else {
			kept[e.Command]++
		}
	}
	for _, cmd := range sortedKeys(byCmd) {
		ps := byCmd[cmd]
		sort.Strings(ps)
		w.note("替换了`fyp %[2]s`写的%[1]s（%[3]s）；保留了它的%[4]s", "replaced %s that `fyp %s` wrote (%s); kept its %s", count(len(ps), "文件", "file"), cmd, list(ps), count(kept[cmd], "其他文件", "other file"))
	}
	if len(removed) > 0 {
		w.note("删除了上次`fyp %[2]s`写过而这次没写的%[1]s（%[3]s）", "removed %s the previous `fyp %s` wrote and this one did not (%s)", count(len(removed), "文件", "file"), w.opt.Command, list(removed))
	}
	if len(inv.changed) > 0 {
		w.note("fyp写的%s此后被改动过（%s）：现在归你所有，fyp不再动它们", "%s fyp wrote changed since (%s): yours now, fyp leaves them alone", count(len(inv.changed), "文件", "file"), list(inv.changed))
	}
}

// render writes every file into tmp and returns their manifest entries.
func (w *writer) render(ctx context.Context, tmp string, names []string, files Files) ([]entry, error) {
	var out []entry
	for _, name := range names {
		if err := ctx.Err(); err != nil {
			return nil, interrupted(w.dir, err)
		}
		p := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o777); err != nil {
			return nil, err
		}
		h := sha256.New()
		n, err := writeSynced(p, files[name], h)
		if err != nil {
			return nil, fmt.Errorf("writing %s: %w", name, err)
		}
		out = append(out, entry{Path: name, Command: w.opt.Command, Size: n, SHA256: hex.EncodeToString(h.Sum(nil)), Written: w.now})
		step("rendered " + name)
	}
	return out, nil
}

// swap moves each rendered file into place. A file that did not exist is
// linked in (which fails rather than replace a file the user created in
// the meantime); one that did is renamed over, atomically. If a move
// fails, the manifest is brought in line with what was moved.
func (w *writer) swap(tmp string, names []string, next map[string]entry, inv *inventory) error {
	for i, name := range names {
		src := filepath.Join(tmp, filepath.FromSlash(name))
		dst := filepath.Join(w.real, filepath.FromSlash(name))
		err := os.MkdirAll(filepath.Dir(dst), 0o777)
		if err == nil {
			err = place(src, dst, inv.exists[name])
		}
		if err != nil {
			partial := map[string]entry{}
			for p, e := range inv.files {
				partial[p] = e
			}
			for _, n := range names[:i] {
				partial[n] = next[n]
			}
			if perr := w.putManifest(tmp, partial); perr != nil {
				return errors.Join(err, perr)
			}
			return fmt.Errorf("%s: putting %s in place: %w", w.dir, name, plain(err))
		}
		step("swapped " + name)
	}
	return nil
}

func place(src, dst string, exists bool) error {
	if !exists {
		err := os.Link(src, dst)
		if err == nil {
			return os.Remove(src)
		}
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s appeared while fyp was writing; it is kept", filepath.Base(dst))
		}
		// No hard links on this file system: fall through to rename.
	}
	return os.Rename(src, dst)
}

// putManifest writes entries as the folder's manifest, atomically.
func (w *writer) putManifest(tmp string, entries map[string]entry) error {
	p := filepath.Join(tmp, ManifestName+".final")
	_ = os.Remove(p)
	if err := writeManifest(p, entries); err != nil {
		return err
	}
	return os.Rename(p, filepath.Join(w.real, ManifestName))
}

// removeEmptyParents removes the folders above a removed file, up to the
// output folder, that the removal left empty (fyp made them for its files).
func removeEmptyParents(root, name string) {
	for d := filepath.Dir(filepath.FromSlash(name)); d != "."; d = filepath.Dir(d) {
		if os.Remove(filepath.Join(root, d)) != nil {
			return
		}
	}
}

// count is "3 files" (English what, "s" added) and "3个文件" (whatZH).
func count(n int, whatZH, what string) bilingual.Text {
	t := bilingual.Text{ZH: fmt.Sprintf("%d个%s", n, whatZH), EN: fmt.Sprintf("%d %ss", n, what)}
	if n == 1 {
		t.EN = "1 " + what
	}
	return t
}

// list names a few items, and says how many more.
func list(items []string) bilingual.Text {
	const show = 5
	if len(items) <= show {
		s := strings.Join(items, ", ")
		return bilingual.Text{ZH: s, EN: s}
	}
	s := strings.Join(items[:show], ", ")
	return bilingual.Text{ZH: s + fmt.Sprintf("等，另有%d个", len(items)-show), EN: s + fmt.Sprintf(" and %d more", len(items)-show)}
}

// listTexts is list for items worded in both languages.
func listTexts(items []bilingual.Text) bilingual.Text {
	zh := make([]string, len(items))
	en := make([]string, len(items))
	for i, t := range items {
		zh[i], en[i] = t.ZH, t.EN
	}
	z, e := list(zh), list(en)
	return bilingual.Text{ZH: z.ZH, EN: e.EN}
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
