package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSX: the workbook has the review's detail first, then the main
// table with its group rows and numeric cells, then the charts.
func TestXLSX(t *testing.T) {
	var b bytes.Buffer
	if err := WriteXLSX(&b, testDocument(t, "zh")); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := strings.Join(f.GetSheetList(), ","), "中期评估,主要指标,图表"; got != want {
		t.Fatalf("sheets = %s, want %s", got, want)
	}
	// One language per workbook: the charts' sheet is named in English in
	// an English one (it was 图表 Charts in both).
	var en bytes.Buffer
	if err := WriteXLSX(&en, testDocument(t, "en")); err != nil {
		t.Fatal(err)
	}
	fe, err := excelize.OpenReader(&en)
	if err != nil {
		t.Fatal(err)
	}
	defer fe.Close()
	if sheets := fe.GetSheetList(); sheets[len(sheets)-1] != "Charts" {
		t.Errorf("English sheets = %v, want the last one named Charts", sheets)
	}
	rows, err := f.GetRows("主要指标", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	groups, forest := 0, false
	for _, r := range rows[2:] {
		if len(r) == 1 && (r[0] == "民生福祉" || r[0] == "绿色生态") {
			groups++
		}
		// The on-schedule forest row: progress (53.1−51.8)/2.2 stored as a
		// number.
		if len(r) > 11 && r[1] == "★森林覆盖率" && r[7] == "53.1" && strings.HasPrefix(r[9], "0.4333") {
			forest = true
			if v, _ := parseFloat(r[11]); math.Abs(v-1.3/2.2) > 1e-9 {
				t.Errorf("progress = %s, want 1.3/2.2", r[11])
			}
		}
	}
	if groups != 2 {
		t.Errorf("%d group rows, want 2 (民生福祉, 绿色生态)", groups)
	}
	if !forest {
		t.Errorf("no on-schedule forest row in %q", rows)
	}
}

func parseFloat(s string) (float64, error) {
	var v float64
	_, err := fmt.Sscan(s, &v)
	return v, err
}

// TestXLSXReproducible: the same document gives the same workbook bytes
// (before, excelize listed the image content types of [Content_Types].xml
// in map order, a different order almost every run).
func TestXLSXReproducible(t *testing.T) {
	d := testDocument(t, "zh")
	var first []byte
	for i := range 5 {
		var b bytes.Buffer
		if err := WriteXLSX(&b, d); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.Bytes()
			z, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range z.File { // every part reads back, checksum included
				rc, err := f.Open()
				if err == nil {
					_, err = io.Copy(io.Discard, rc)
					rc.Close()
				}
				if err != nil {
					t.Errorf("%s: %v", f.Name, err)
				}
			}
			continue
		}
		if !bytes.Equal(b.Bytes(), first) {
			t.Fatalf("write %d differs from the first", i+1)
		}
	}
}
