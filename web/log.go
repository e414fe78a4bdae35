package web

import (
	"io"
	"log"
)

func newLogger(w io.Writer) *log.Logger { return log.New(w, "fyp serve: ", 0) }
