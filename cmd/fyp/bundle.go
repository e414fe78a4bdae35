package main

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"fyp/internal/outdir"
)

// marker names the file that marks an output folder as fyp's: the manifest
// listing what fyp wrote there (internal/outdir).
const marker = outdir.ManifestName

// bundle is a set of files to write together, by slash-separated path.
type bundle map[string]func(io.Writer) error

// write puts b into the folder dir for the command c. internal/outdir does
// the work: it replaces only files fyp wrote there, keeps every other file
// (with --force, also in a folder fyp did not write), never leaves the
// folder missing or a file half-written, and cleans up after a signal.
// A folder it refuses is bad input: exit 2.
func (b bundle) write(c *cobra.Command, dir string, force bool) error {
	err := outdir.Write(c.Context(), dir, outdir.Files(b), outdir.Options{Command: c.Name(), Force: force, Notes: c.ErrOrStderr(), Lang: flagLang(c)})
	var oe *outdir.Error
	if errors.As(err, &oe) {
		return inputError{fmt.Errorf("--out %w", err)}
	}
	return err
}

// flagLang is the --lang c runs with ("zh" when it has none).
func flagLang(c *cobra.Command) string {
	if f := c.Flag("lang"); f != nil {
		return f.Value.String()
	}
	return "zh"
}

// checkOut refuses, before the command computes anything, a folder that
// write would refuse whatever it wrote (the root, a file, a foreign folder
// without --force …): bad input answered at once, not after seconds of work.
func checkOut(c *cobra.Command, dir string, force bool) error {
	err := outdir.Precheck(dir, outdir.Options{Command: c.Name(), Force: force})
	var oe *outdir.Error
	if errors.As(err, &oe) {
		return inputError{fmt.Errorf("--out %w", err)}
	}
	return err
}

// withBOM prefixes a UTF-8 byte-order mark so that Excel shows Chinese text
// in a CSV file correctly.
func withBOM(render func(io.Writer) error) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
		return render(w)
	}
}
