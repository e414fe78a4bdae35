package web

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"mime"
	"net"
	"net/http"
	"path"
	"time"

	"fyp/charts"
)

//go:embed assets
var assets embed.FS

// handleAsset serves the page and its script and style from the binary.
func (s *Server) handleAsset(w http.ResponseWriter, r *http.Request) error {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return bad("%s %s：这里只接受GET", "%s %s: only GET is served here", r.Method, r.URL.Path)
	}
	name := path.Clean(r.URL.Path)
	if name == "/" {
		name = "/index.html"
	}
	var data []byte
	if name == "/font.ttf" {
		// The charts' own font (a subset of Noto Sans CJK SC), so that the
		// page and its SVG charts show Chinese without a system font.
		data = charts.EmbeddedFontFile()
		w.Header().Set("Cache-Control", "max-age=86400")
	} else {
		var err error
		if data, err = fs.ReadFile(assets, "assets"+name); err != nil {
			return errNotFound
		}
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	_, err := w.Write(data)
	return err
}

// Loopback reports whether addr (host:port) binds only the loopback
// interface.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Listen binds addr ("127.0.0.1:0" picks a free port).
func Listen(addr string) (net.Listener, error) {
	return net.Listen("tcp", addr)
}

// Serve answers h on ln until ctx is cancelled, then shuts down gracefully
// (requests in flight get up to 5 seconds). Every phase of a request has a
// deadline, so a slow client cannot hold a connection.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, errLog io.Writer) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      90 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	if errLog != nil {
		srv.ErrorLog = newLogger(errLog)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("web: shutting down: %w", err)
	}
	if err := <-done; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

func newLogger(w io.Writer) *log.Logger { return log.New(w, "fyp serve: ", 0) }
