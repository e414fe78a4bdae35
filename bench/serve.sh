#!/bin/sh
# Load on `fyp serve`: 50 clients on 127.0.0.1 move sliders at once
# (web/load_test.go, TestLoad -load), then compares the paced phases' p95
# latency with the targets: ≤ 100 ms for a move that asks for the table and
# the charts, ≤ 250 ms with P(met) from 10,000 draws as well. Also runs the
# single-request benchmarks and a drag phase (moves every 250 ms, each
# aborting the one before, as the page does: latency of the moves answered,
# the abandoned ones counted apart). Exits 1 when a target is missed or any
# request failed. The figures depend on the cores free: run it on an idle
# machine; it prints the load average before and after.
# Options through the environment: CLIENTS (50), ROUNDS (20), PAUSE (1s),
# DRAG (250ms).
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
go test ./web -run '^$' -bench 'Assess|Simulate|Move' -benchtime 50x | grep Benchmark
go test ./web -run '^TestLoad$' -load -v -timeout 15m \
	-load-clients "${CLIENTS:-50}" -load-rounds "${ROUNDS:-20}" -load-pause "${PAUSE:-1s}" -load-drag "${DRAG:-250ms}" | tee "$tmp/out" | grep -E 'GOMAXPROCS|LOAD'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -q '^--- PASS: TestLoad' "$tmp/out" || { echo "bench: the load test failed (errors above)"; exit 1; }
awk '
/LOAD paced assess\+charts +requests/      { p95 = $0; sub(/.*p95 +/, "", p95); sub(/ ms.*/, "", p95); a = p95 + 0 }
/LOAD paced assess\+charts\+sim +requests/ { p95 = $0; sub(/.*p95 +/, "", p95); sub(/ ms.*/, "", p95); s = p95 + 0 }
END {
	ok = 1
	printf "p95 assess+charts     %7.1f ms (target ≤ 100 ms): %s\n", a, (a <= 100 ? "met" : "MISSED"); if (a > 100) ok = 0
	printf "p95 with simulation   %7.1f ms (target ≤ 250 ms): %s\n", s, (s <= 250 ? "met" : "MISSED"); if (s > 250) ok = 0
	exit ok ? 0 : 1
}' "$tmp/out"
