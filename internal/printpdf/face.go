package printpdf

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// maxTables bounds a font's table directory (real fonts have a few dozen).
const maxTables = 1024

// faceFile is the font file a browser can load for face index of data: the
// file itself for a single font, or that face copied out of a collection
// (.ttc) into a file of its own, since a browser takes the first face of a
// collection. The browser checks the tables; this only lays them out.
func faceFile(data []byte, index int) ([]byte, error) {
	if len(data) < 12 {
		return nil, errors.New("too short for a font file")
	}
	if string(data[:4]) != "ttcf" {
		if index != 0 {
			return nil, fmt.Errorf("face %d: the file holds one font, not a collection", index)
		}
		return data, nil
	}
	n := int(binary.BigEndian.Uint32(data[8:12]))
	if index < 0 || index >= n || 12+4*(index+1) > len(data) {
		return nil, fmt.Errorf("face %d: the collection holds %d", index, n)
	}
	off := int(binary.BigEndian.Uint32(data[12+4*index:]))
	if off < 0 || off+12 > len(data) {
		return nil, fmt.Errorf("face %d: offset %d beyond the file", index, off)
	}
	nt := int(binary.BigEndian.Uint16(data[off+4:]))
	if nt == 0 || nt > maxTables || off+12+16*nt > len(data) {
		return nil, fmt.Errorf("face %d: damaged table directory", index)
	}
	size := 12 + 16*nt
	for i := range nt {
		rec := data[off+12+16*i:]
		start, length := int64(binary.BigEndian.Uint32(rec[8:])), int64(binary.BigEndian.Uint32(rec[12:]))
		if start+length > int64(len(data)) {
			return nil, fmt.Errorf("face %d: table %q beyond the file", index, rec[:4])
		}
		size += int(length+3) &^ 3
	}
	out := make([]byte, 12+16*nt, size)
	copy(out, data[off:off+12]) // sfnt version, table count, search fields
	for i := range nt {
		rec := data[off+12+16*i : off+12+16*(i+1)]
		start, length := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		o := out[12+16*i:]
		copy(o[:8], rec[:8]) // tag and checksum
		binary.BigEndian.PutUint32(o[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(o[12:], length)
		out = append(out, data[start:start+length]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, nil
}
