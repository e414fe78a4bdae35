package report

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// StartPDF starts a browser only when Chromium is found: with LibreOffice
// only, or neither, no browser runs and no profile folder is made; with
// Chromium (a stand-in script here) it starts at once, before any page is
// handed over, and Close removes its folder.
func TestStartPDF(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	dir := t.TempDir()
	browser, started := filepath.Join(dir, "chromium"), filepath.Join(dir, "started")
	if err := os.WriteFile(browser, []byte("#!/bin/sh\ntouch "+started+"\nexec sleep 60\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	temps := func() []string {
		left, _ := filepath.Glob(filepath.Join(os.TempDir(), "fyp-printpdf-*"))
		return left
	}
	for _, c := range []struct {
		name, browser, office string
		starts                bool
	}{
		{"neither", "", "", false},
		{"libreoffice", "", "/usr/bin/soffice", false},
		{"chromium", browser, "", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			lookups(t, c.browser, c.office)
			p := StartPDF(context.Background(), nil)
			if c.starts {
				for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
					if _, err := os.Stat(started); err == nil {
						break
					}
				}
			} else {
				time.Sleep(200 * time.Millisecond) // time for a browser started by mistake to run
			}
			_, err := os.Stat(started)
			if ran := err == nil; ran != c.starts || (len(temps()) == 1) != c.starts {
				t.Errorf("browser ran %v, profile folders %v; want a browser started: %v", ran, temps(), c.starts)
			}
			if c.name == "neither" {
				if _, err := p.Print(testDocument(t, "zh")); !errors.Is(err, ErrNoPDFTool) {
					t.Errorf("Print error = %v, want ErrNoPDFTool", err)
				}
			}
			p.Close()
			if left := temps(); len(left) > 0 {
				t.Errorf("temporary folders left after Close: %v", left)
			}
		})
	}
}
