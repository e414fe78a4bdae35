package web

import (
	"context"
	"errors"
	"net/url"
	"testing"
)

// FuzzState: any query the page's URL could carry either resolves into a
// scenario or is refused as bad input; nothing panics and nothing else
// fails (go test ./web -run '^$' -fuzz FuzzState).
func FuzzState(f *testing.F) {
	for _, q := range []string{
		"scenario=baseline&gdp.rate=5",
		"plan=jiangjin-13&forest_coverage.step=0.5",
		"scenario=trend&population.rate=-99.9&urbanization_rate.step=3",
		"gdp.rate=NaN", "gdp.rate=1e400", "x.y.z=1", "lang=en&gdp_per_capita.rate=2",
		"scenario=baseline&service_share.rate=2", "gdp.step=0.01", "%zz",
	} {
		f.Add(q)
	}
	s := server(f)
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		st, err := stateFromQuery(q)
		if err != nil {
			var br badRequest
			if !errors.As(err, &br) {
				t.Fatalf("%q: %v is not a bad-input error", raw, err)
			}
			return
		}
		r, err := s.resolve(context.Background(), st)
		if err != nil {
			var br badRequest
			if !errors.As(err, &br) {
				t.Fatalf("%q: %v is not a bad-input error", raw, err)
			}
			return
		}
		if _, err := s.assess(context.Background(), r, false); err != nil {
			t.Logf("%q: resolved, but assess says %v", raw, err)
		}
	})
}
