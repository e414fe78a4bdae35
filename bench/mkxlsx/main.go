// Command mkxlsx writes an observed workbook of N valid rows for the
// embedded plan (each indicator's baseline, repeated: repeats that agree are
// accepted), for bench/xlsx.sh.
//
// usage: go run ./bench/mkxlsx N FILE.xlsx
package main

import (
	"fmt"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"

	"fyp/seeds"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "mkxlsx:", err)
		os.Exit(1)
	}
}

func run() error {
	if len(os.Args) != 3 {
		return fmt.Errorf("usage: mkxlsx N FILE.xlsx")
	}
	n, err := strconv.Atoi(os.Args[1])
	if err != nil {
		return err
	}
	p, err := seeds.Load("")
	if err != nil {
		return err
	}
	type row struct {
		id   string
		year int
		v    float64
	}
	var base []row
	for _, ind := range p.Indicators {
		if ind.Baseline.Known && ind.Baseline.Year == p.BaseYear {
			base = append(base, row{ind.ID, ind.Baseline.Year, ind.Baseline.Value})
		}
	}
	f := excelize.NewFile()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{"indicator", "year", "value", "source", "note"}); err != nil {
		return err
	}
	for i := range n {
		r := base[i%len(base)]
		ref, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(ref, []any{r.id, r.year, r.v, "synthetic: the plan's baseline", "bench row " + strconv.Itoa(i+1)}); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(os.Args[2])
}
