package outdir

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fyp/internal/bilingual"
)

// inventory is what the folder holds before a write, as far as fyp cares.
type inventory struct {
	files   map[string]entry // fyp's files: listed, present and unchanged
	exists  map[string]bool  // the names to write that something already holds
	changed []string         // listed, but changed since fyp wrote them: the user's now
	listed  bool             // the folder has a manifest
	legacy  bool             // an older fyp's folder: .fyp-output and no manifest
}

// inventory reads the manifest (and the pending manifests of writers that
// died) and keeps the listed files that are still as fyp wrote them.
func (w *writer) inventory(pending []entry) (*inventory, error) {
	inv := &inventory{files: map[string]entry{}, exists: map[string]bool{}}
	m, ok, err := readManifest(filepath.Join(w.real, ManifestName))
	if err != nil {
		return nil, refuse(w.dir, "其中fyp的文件清单已损坏（%v），fyp无法分辨哪些是它的文件、哪些是你的；请另选文件夹，或把%s改名为%s，让fyp按文件名替换它写的文件并保留其他所有文件", "the list of fyp's files in it is damaged (%v), so fyp cannot tell its files from yours; choose another folder, or rename %s to %s to let fyp replace the files it writes by name and keep every other file", err, ManifestName, LegacyMarker)
	}
	inv.listed = ok
	if !ok {
		fi, err := os.Lstat(filepath.Join(w.real, LegacyMarker))
		inv.legacy = err == nil && fi.Mode().IsRegular()
	}
	listed := map[string]entry{}
	for _, e := range m.Files {
		listed[e.Path] = e
	}
	versions := map[string][]entry{}
	for _, e := range pending {
		versions[e.Path] = append(versions[e.Path], e)
	}
	for p, e := range listed {
		versions[p] = append([]entry{e}, versions[p]...)
	}
	for _, p := range sortedKeys(versions) {
		fi, _ := lstatInside(w.real, p)
		if fi == nil {
			continue // gone
		}
		_, isListed := listed[p]
		if !fi.Mode().IsRegular() {
			if isListed {
				inv.changed = append(inv.changed, p)
			}
			continue
		}
		size, sum, err := hashFile(filepath.Join(w.real, filepath.FromSlash(p)))
		if err != nil {
			return nil, err
		}
		found := false
		for _, e := range versions[p] {
			if e.Size == size && e.SHA256 == sum {
				inv.files[p] = e
				found = true
				break
			}
		}
		if !found && isListed {
			inv.changed = append(inv.changed, p)
		}
	}
	return inv, nil
}

// check refuses a foreign folder without Force, and any file in the way
// that is not fyp's, before anything is written.
func (w *writer) check(names []string, inv *inventory) error {
	if !inv.listed && !inv.legacy && !w.opt.Force {
		foreign, err := w.foreign(inv)
		if err != nil {
			return err
		}
		if len(foreign) > 0 {
			return refuse(w.dir, "文件夹中有不是fyp写的文件（%s）；请另选文件夹，或加 --force 把fyp的文件写在它们旁边（fyp从不覆盖或删除不是它写的文件）", "the folder holds files not written by fyp (%s); choose another folder, or add --force to write fyp's files beside them (fyp never overwrites or deletes a file it did not write)", list(foreign))
		}
	}
	var blocked []bilingual.Text
	why := func(name, zh, en string) bilingual.Text {
		return bilingual.Text{ZH: name + "（" + zh + "）", EN: name + " (" + en + ")"}
	}
	seen := map[string]bool{}
	for _, name := range names {
		fi, blocker := lstatInside(w.real, name)
		if blocker != "" {
			if !seen[blocker] {
				seen[blocker] = true
				blocked = append(blocked, why(blocker, "不是文件夹", "not a folder"))
			}
			continue
		}
		if fi == nil {
			continue
		}
		inv.exists[name] = true
		if _, ok := inv.files[name]; ok {
			continue
		}
		if inv.legacy && fi.Mode().IsRegular() {
			continue // contents unknown: the names fyp writes count as its own
		}
		switch {
		case fi.IsDir():
			blocked = append(blocked, why(name, "是文件夹", "a folder"))
		case contains(inv.changed, name):
			blocked = append(blocked, why(name, "fyp写入后被改动过", "changed since fyp wrote it"))
		default:
			blocked = append(blocked, why(name, "不是fyp写的", "not written by fyp"))
		}
	}
	if len(blocked) > 0 {
		return refuse(w.dir, "fyp会覆盖%s不是它写的文件：%s；请把它们移走或另选文件夹（即使加了 --force，fyp也从不覆盖不是它写的文件）", "fyp would overwrite %s it did not write: %s; move %s away or choose another folder (fyp never overwrites a file it did not write, even with --force)", count(len(blocked), "", "file"), listTexts(blocked), itOrThem(len(blocked)))
	}
	return nil
}

// foreign lists the folder's entries that are not fyp's.
func (w *writer) foreign(inv *inventory) ([]string, error) {
	entries, err := os.ReadDir(w.real)
	if err != nil {
		return nil, err
	}
	ours := map[string]bool{ManifestName: true, LegacyMarker: true, lockName: true}
	for p := range inv.files {
		first, _, _ := strings.Cut(p, "/")
		ours[first] = true
	}
	var out []string
	for _, de := range entries {
		if ours[de.Name()] || ownTemp(de) {
			continue
		}
		name := de.Name()
		if de.IsDir() {
			name += "/"
		}
		out = append(out, name)
	}
	return out, nil
}

// lstatInside returns what is at the slash-separated name inside root,
// without following links; nil if nothing is. If a folder on the way is
// not a real folder (a file, or a link, which could lead out of root),
// blocker names it.
func lstatInside(root, name string) (fi fs.FileInfo, blocker string) {
	parts := strings.Split(name, "/")
	cur := root
	for i, part := range parts {
		cur = filepath.Join(cur, part)
		info, err := os.Lstat(cur)
		if err != nil {
			return nil, ""
		}
		if i == len(parts)-1 {
			return info, ""
		}
		if !info.IsDir() {
			return nil, strings.Join(parts[:i+1], "/")
		}
	}
	return nil, ""
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func itOrThem(n int) string {
	if n == 1 {
		return "it"
	}
	return "them"
}
