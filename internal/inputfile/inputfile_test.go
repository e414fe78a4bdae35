package inputfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyp/internal/bilingual"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small.yaml")
	if err := os.WriteFile(small, []byte("id: x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, 2048), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(small, link); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       error  // nil: read succeeds
		msg        string // part of the message
		zh         string // the same in Chinese
	}{
		{"small file", small, nil, "", ""},
		{"symlink to a file", link, nil, "", ""},
		{"over the limit", big, ErrTooLarge, "2 KB, over the 1 KB limit", "文件太大：2 KB，超过这类文件1 KB的上限"},
		{"device", "/dev/zero", ErrNotRegular, "a device", "不是普通文件（而是设备）"},
		{"fifo does not block", fifo, ErrNotRegular, "a named pipe", "不是普通文件（而是命名管道）"},
		{"folder", dir, ErrNotRegular, "it is a folder", "不是普通文件：这是一个文件夹"},
		{"missing", filepath.Join(dir, "none.yaml"), fs.ErrNotExist, "file does not exist", "文件不存在"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Read(tt.path, 1024)
			if tt.want == nil {
				if err != nil || string(data) != "id: x\n" {
					t.Fatalf("Read(%s) = %q, %v; want the file", tt.path, data, err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, tt.want) {
				t.Fatalf("Read(%s) error = %v; want an *Error wrapping %v", tt.path, err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.path+": ") || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Read(%s) error = %q; want the path and %q", tt.path, err, tt.msg)
			}
			if zh := e.In("zh"); zh != tt.path+"："+tt.zh || !bilingual.SameNumbers(zh, err.Error()) {
				t.Errorf("Read(%s) in Chinese = %q; want %q, with the numbers of %q", tt.path, zh, tt.path+"："+tt.zh, err)
			}
		})
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{
		512: "512 bytes", 1 << 10: "1 KB", 10 << 20: "10 MB", 3 << 29: "1.5 GB",
	} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
