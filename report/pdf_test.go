package report

import (
	"context"
	"errors"
	"testing"
)

// TestPDFWithoutTools: with neither Chromium nor LibreOffice on the PATH,
// PDF says so (the command prints the note and writes the rest).
func TestPDFWithoutTools(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if tool, _ := PDFTool(); tool != "" {
		t.Fatalf("PDFTool = %q with an empty PATH", tool)
	}
	_, err := PDF(context.Background(), testDocument(t, "zh"), nil)
	if !errors.Is(err, ErrNoPDFTool) {
		t.Errorf("PDF error = %v, want ErrNoPDFTool", err)
	}
}
