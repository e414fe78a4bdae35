package main

import (
	"os"
	"testing"
)

// TestMain leaves report.pdf out of the bundles the tests write: printing
// takes Chromium seconds; TestReportPDF asks for it.
func TestMain(m *testing.M) {
	pdfByDefault = false
	os.Exit(m.Run())
}
