#!/bin/sh
# Measures reading a large observed workbook: writes one of ${ROWS:-100000}
# valid rows (bench/mkxlsx) and runs `fyp review --observed` on it under
# /usr/bin/time -v, printing the wall time and the peak memory (maximum
# resident set size) of the whole command. Goal (issue 12): 100,000 rows in
# seconds within 200 MB.
# Needs: go, /usr/bin/time (apt-get install -y time).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rows=${ROWS:-100000}
go build -o "$tmp/fyp" ./cmd/fyp
go run ./bench/mkxlsx "$rows" "$tmp/observed.xlsx"
/usr/bin/time -v "$tmp/fyp" review --observed "$tmp/observed.xlsx" --as-of 2022 > /dev/null 2> "$tmp/time.txt" || { cat "$tmp/time.txt" >&2; exit 1; }
echo "rows     $rows ($(wc -c < "$tmp/observed.xlsx") bytes of XLSX)"
sed -n 's/^\tElapsed (wall clock) time (h:mm:ss or m:ss): /wall     /p; s/^\tUser time (seconds): /user     /p; s/^\tMaximum resident set size (kbytes): \(.*\)/peak     \1 KB/p' "$tmp/time.txt"
