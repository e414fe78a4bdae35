//go:build !unix

package document

import (
	"context"
	"os/exec"
)

// pdfCommand runs prog with args; here no limit can be set on its memory.
func pdfCommand(ctx context.Context, prog string, args ...string) *exec.Cmd {
	return exec.CommandContext(ctx, prog, args...)
}
