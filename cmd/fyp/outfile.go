package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// checkOutFiles refuses, before any work, the -o files of extract and
// observe that fyp could not or should not write: a folder, a device or
// other non-regular file (as root, renaming over /dev/null would replace
// it), a file in a folder that does not exist, one of the command's own
// inputs (even with --force: the document would be lost), two outputs of
// the same name, and, without --force, any existing file.
func checkOutFiles(outs, inputs []string, force bool) error {
	for i, out := range outs {
		for _, prev := range outs[:i] {
			if filepath.Clean(prev) == filepath.Clean(out) {
				return badInput2("%s：上一规划完成情况表也要写到这个文件；请换一个 -o", "%s: the previous plan's record table would be written to this file too; choose another -o", out)
			}
		}
		dir := filepath.Dir(out)
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			return badInput2("%s：文件夹%s不存在；请先创建它，或换一个 -o", "%s: the folder %s does not exist; create it or choose another -o", out, dir)
		}
		fi, err := os.Stat(out)
		if err != nil {
			if _, lerr := os.Lstat(out); lerr == nil {
				return badInput2("%s是指向不存在的文件的链接；请换一个 -o", "%s is a link to nothing; choose another -o", out)
			}
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			return badInput2("%s：%v", "%s: %v", out, err)
		}
		switch {
		case fi.IsDir():
			return badInput2("%s是文件夹；-o 要的是文件名，例如%s", "%s is a folder; -o takes a file name such as %s", out, filepath.Join(out, "plan.yaml"))
		case !fi.Mode().IsRegular():
			return badInput2("%s不是普通文件；请换一个 -o", "%s is not a regular file; choose another -o", out)
		}
		for _, in := range inputs {
			if ifi, err := os.Stat(in); err == nil && os.SameFile(fi, ifi) {
				return badInput2("%s是要读取的文件本身，写入会使它丢失；请换一个 -o", "%s is the file being read, which writing would lose; choose another -o", out)
			}
		}
		if !force {
			return badInput2("%s已存在：加 --force 覆盖它，或换一个 -o", "%s exists: give --force to overwrite it, or another -o", out)
		}
	}
	return nil
}

// writeAtomic writes data to a temporary file beside path and renames it,
// so a failure never leaves half a file. The file gets the permissions of
// the file it replaces, else rw-r--r--. A link at path stays a link: the
// file it points to is replaced.
func writeAtomic(path string, data []byte) error {
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		if target, err := filepath.EvalSymlinks(path); err == nil {
			path = target
		}
	}
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".fyp-extract-*")
	if errors.Is(err, fs.ErrPermission) {
		return badInput2("%s：没有在文件夹%s中写入的权限", "%s: no permission to write in the folder %s", path, filepath.Dir(path))
	}
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
