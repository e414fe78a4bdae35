#!/bin/sh
# Times `fyp simulate --draws 100000` against the NumPy implementation of
# the same job (bench/sim.py, fed the program fyp compiles) with hyperfine,
# and prints both medians and their ratio.
# Needs: go, hyperfine, /usr/bin/python3 with NumPy (apt-get install -y python3-numpy hyperfine).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/fyp" ./cmd/fyp
"$tmp/fyp" simulate --program > "$tmp/program.json"
/usr/bin/python3 -c 'import numpy' || { echo "bench: /usr/bin/python3 lacks NumPy (apt-get install -y python3-numpy)" >&2; exit 1; }
hyperfine --warmup 1 --runs "${RUNS:-10}" --export-json "$tmp/h.json" \
	-n fyp "$tmp/fyp simulate --draws 100000 --format json > /dev/null" \
	-n numpy "/usr/bin/python3 bench/sim.py $tmp/program.json 100000 1 > /dev/null"
/usr/bin/python3 - "$tmp/h.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
print("median fyp   %.3f s" % r["fyp"])
print("median numpy %.3f s" % r["numpy"])
print("ratio numpy/fyp %.1fx" % (r["numpy"] / r["fyp"]))
PY
