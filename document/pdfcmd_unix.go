//go:build unix

package document

import (
	"context"
	"fmt"
	"os/exec"
)

// pdfCommand runs prog with args with its address space limited to
// pdfMemory, through the shell's ulimit: Go sets no resource limit on a
// child, and pdftotext takes what a PDF asks of it (3 GB for a 270 KB file
// whose one page holds a 70 MB content stream). Without a shell it runs
// prog as it is.
func pdfCommand(ctx context.Context, prog string, args ...string) *exec.Cmd {
	sh, err := exec.LookPath("sh")
	if err != nil {
		return exec.CommandContext(ctx, prog, args...)
	}
	script := fmt.Sprintf(`ulimit -v %d 2>/dev/null; exec "$0" "$@"`, pdfMemory>>10)
	return exec.CommandContext(ctx, sh, append([]string{"-c", script, prog}, args...)...)
}
