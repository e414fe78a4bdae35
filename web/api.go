package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"math"
	"net/http"
	"strconv"
	"strings"

	"fyp/model"
	"fyp/seeds"
)

// jnum is a number written as null when it is NaN or infinite.
type jnum float64

func (n jnum) MarshalJSON() ([]byte, error) {
	f := float64(n)
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatFloat(f, 'g', 12, 64)), nil
}

// text is a label in both languages.
type text struct {
	ZH string `json:"zh"`
	EN string `json:"en"`
}

func textOf(t model.Text) text { return text{ZH: t.ZH, EN: t.In("en")} }

func writeJSON(w http.ResponseWriter, status int, v any) error {
	b, err := encodeJSON(v)
	if err != nil {
		return err
	}
	return writeRaw(w, status, b)
}

// serveQueued answers a heavy request: from the cache under key, or by
// computing it on the work queue at priority prio (one job per core,
// tables before simulations) and caching its encoded JSON, so clients
// asking for the same state share one computation.
func (s *Server) serveQueued(w http.ResponseWriter, r *http.Request, key string, prio int, compute func(context.Context) (any, error)) error {
	v, err := s.cache.get(r.Context(), key, func(ctx context.Context) (any, error) {
		if err := s.work.acquire(ctx, prio); err != nil {
			return nil, err
		}
		defer s.work.release()
		out, err := compute(ctx)
		if err != nil {
			return nil, err
		}
		return encodeJSON(out)
	})
	if err != nil {
		return err
	}
	return writeRaw(w, http.StatusOK, v.([]byte))
}

// writeRaw writes JSON already encoded by writeJSON's rules.
func writeRaw(w http.ResponseWriter, status int, b []byte) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, err := w.Write(b)
	return err
}

// encodeJSON is v as writeJSON writes it.
func encodeJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// writeError answers status with the message in English (error) and
// Chinese (error_zh); the page shows the one of its language.
func writeError(w http.ResponseWriter, status int, zh, en string) {
	_ = writeJSON(w, status, map[string]string{"error": en, "error_zh": zh})
}

// decode reads a JSON request body into v strictly: one object, no unknown
// field.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return bad("请求正文为空；应为一个JSON对象", "request body: empty; expected a JSON object")
		}
		return bad("请求正文无法读取（%s）", "request body: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return bad("请求正文含多个JSON值", "request body: more than one JSON value")
	}
	return nil
}

// ---- GET /api/plans

type planJSON struct {
	ID         string     `json:"id"`
	Title      text       `json:"title"`
	BaseYear   int        `json:"base_year"`
	TargetYear int        `json:"target_year"`
	VisionYear int        `json:"vision_year,omitempty"`
	Previous   string     `json:"previous,omitempty"`
	Scenarios  []scenJSON `json:"scenarios"`
	Default    string     `json:"default_scenario"`
	// ShippedObserved names the real observed figures shipped with the
	// plan (POST /api/review?shipped=1), "" when none ship.
	ShippedObserved string `json:"shipped_observed,omitempty"`
}

type scenJSON struct {
	ID    string `json:"id"`
	Title text   `json:"title"`
}

func (pe *planEntry) json() planJSON {
	p := pe.plan
	out := planJSON{ID: pe.id, Title: textOf(p.Title), BaseYear: p.BaseYear, TargetYear: p.TargetYear, VisionYear: p.VisionYear,
		Default: pe.defaultScenario}
	if p.Previous != nil {
		out.Previous = p.Previous.ID
	}
	if f, ok := seeds.Observed(pe.id); ok && pe.embedded {
		out.ShippedObserved = f.Name
	}
	for _, id := range pe.scenarioIDs {
		out.Scenarios = append(out.Scenarios, scenJSON{ID: id, Title: textOf(pe.titles[id])})
	}
	return out
}

func (s *Server) handlePlans(w http.ResponseWriter, r *http.Request) error {
	if len(r.URL.Query()) > 0 {
		return bad("GET /api/plans不接受参数", "GET /api/plans takes no parameters")
	}
	out := make([]planJSON, len(s.plans))
	for i, pe := range s.plans {
		out[i] = pe.json()
	}
	return writeJSON(w, http.StatusOK, out)
}

// ---- GET/POST /api/scenario: the scenario YAML of a state

func (s *Server) handleScenarioGet(w http.ResponseWriter, r *http.Request) error {
	st, err := stateFromQuery(r.URL.Query())
	if err != nil {
		return err
	}
	return s.writeScenario(w, r, st)
}

func (s *Server) handleScenarioPost(w http.ResponseWriter, r *http.Request) error {
	var st State
	if err := decode(r, &st); err != nil {
		return err
	}
	return s.writeScenario(w, r, st)
}

func (s *Server) writeScenario(w http.ResponseWriter, r *http.Request, st State) error {
	rs, err := s.resolve(r.Context(), st)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="`+CustomName+`.yaml"`)
	_, err = w.Write(rs.yaml)
	return err
}
