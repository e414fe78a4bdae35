package seeds

import (
	"bytes"
	_ "embed" // the shipped figures
)

// The real observed figures shipped with the Jiangjin 14th plan: every row
// read from a public document named in its source column (see the file's
// header). CSV in the format of package observed.
//
//go:embed jiangjin-observed.csv
var jiangjinObserved []byte

// ObservedFigures is a file of real observed figures shipped with a plan.
type ObservedFigures struct {
	Name string // the file, as shown in messages and reports
	Data []byte // its contents (CSV, format of package observed)
}

// shippedObserved maps a plan id to its shipped figures.
var shippedObserved = map[string]ObservedFigures{
	"jiangjin-14": {Name: "seeds/jiangjin-observed.csv", Data: jiangjinObserved},
}

// Observed returns the real observed figures shipped with plan id, or false
// when none ship (another plan, or a user's plan file). The data is a copy.
func Observed(planID string) (ObservedFigures, bool) {
	f, ok := shippedObserved[planID]
	if !ok {
		return ObservedFigures{}, false
	}
	f.Data = bytes.Clone(f.Data)
	return f, true
}
