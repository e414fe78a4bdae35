package outdir

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"testing"
)

// BenchmarkWrite writes a bundle the size of `fyp run`'s (53 files, about
// 6 MB) into the same folder again and again: the cost of the manifest,
// the hashing, the fsyncs and the renames on top of rendering.
func BenchmarkWrite(b *testing.B) {
	dir := b.TempDir()
	files := Files{}
	for i := 0; i < 53; i++ {
		data := bytes.Repeat([]byte{byte('a' + i%26)}, 120<<10)
		files[fmt.Sprintf("charts/f%02d.png", i)] = func(w io.Writer) error { _, err := w.Write(data); return err }
	}
	b.SetBytes(53 * 120 << 10)
	for i := 0; i < b.N; i++ {
		if err := Write(context.Background(), dir, files, Options{Command: "run"}); err != nil {
			b.Fatal(err)
		}
	}
}
