package model

import "math"

// quantiles returns the Percentiles of col's known (non-NaN) values and
// how many there are, exactly (no estimate): the order statistics are
// found by a bucket pass and selection (see selectRanks); col is not
// changed. buf is scratch at least as long as col.
func quantiles(col []float64, buf []uint16) (q Quantiles, m int) {
	q, rs := rankedQuantiles(col, buf)
	return q, rs.m
}

// rankStats is what a percentile computation found: m known values and
// the order statistics at (rank → value) it needed, from which the
// percentiles of any monotone function of the values follow (see
// pointTarget). at is nil when it holds nothing.
type rankStats struct {
	m  int
	at map[int]float64
}

// rankedQuantiles is quantiles with the order statistics it used.
func rankedQuantiles(col []float64, buf []uint16) (q Quantiles, rs rankStats) {
	m := 0
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range col {
		if v == v {
			m++
			if v < lo {
				lo = v
			}
			if v > hi {
				hi = v
			}
		}
	}
	rs.m = m
	if m == 0 {
		return Quantiles{math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()}, rs
	}
	if lo == hi {
		return Quantiles{lo, lo, lo, lo, lo}, rs
	}
	los, fracs, ranks := type7Ranks(m)
	at := selectRanks(col, buf, lo, hi, ranks)
	for k := range q {
		lo, f := los[k], fracs[k]
		q[k] = at[lo]
		if f > 0 && lo+1 < m {
			q[k] = at[lo] + f*(at[lo+1]-at[lo])
		}
	}
	rs.at = at
	return q, rs
}

// selectRanks returns the values of ranks (ascending) among the known
// values of a, which lie in [lo, hi], lo < hi. One pass counts the values in each of
// nBuckets equal-width buckets; since the bucket index
// ⌊(v−lo)·scale⌋ never decreases as v grows, every value of a bucket is at
// most every value of the next, so the counts say which bucket holds each
// rank and at which place. A second pass copies the values of those few
// buckets out, and selection among them finds the ranks.
// The result is the exact order statistic, as sorting would give.
func selectRanks(a []float64, bk []uint16, lo, hi float64, ranks []int) map[int]float64 {
	const nBuckets = 4096
	scale := nBuckets / (hi - lo)
	bucket := func(v float64) int { return min(int((v-lo)*scale), nBuckets-1) }
	var count [nBuckets + 1]int32
	for i, v := range a {
		if v == v {
			b := bucket(v)
			bk[i] = uint16(b)
			count[b+1]++
		}
	}
	for b := 1; b <= nBuckets; b++ {
		count[b] += count[b-1] // count[b]: values in buckets before b
	}
	var want [nBuckets]bool
	for _, r := range ranks {
		b := sortSearch(count[:], r)
		want[b] = true
	}
	// Gather the wanted buckets' values, bucket by bucket in order.
	var start [nBuckets]int32
	n := int32(0)
	for b := range want {
		if want[b] {
			start[b] = n
			n += count[b+1] - count[b]
		}
	}
	g := make([]float64, n)
	next := start
	bk = bk[:len(a)]
	for i, v := range a {
		if v != v {
			continue
		}
		if b := bk[i]; want[b] {
			g[next[b]] = v
			next[b]++
		}
	}
	out := make(map[int]float64, len(ranks))
	for _, r := range ranks {
		b := sortSearch(count[:], r)
		part := g[start[b] : start[b]+count[b+1]-count[b]]
		k := r - int(count[b])
		selectK(part, k)
		out[r] = part[k]
	}
	return out
}

// sortSearch is the bucket b with count[b] ≤ r < count[b+1].
func sortSearch(count []int32, r int) int {
	lo, hi := 0, len(count)-2
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if int(count[mid]) <= r {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// appendRank adds r to the ascending list ranks unless it is there.
// type7Ranks gives, for m values, each percentile's lower order statistic
// and interpolation weight (Hyndman–Fan type 7: h = (m−1)·p/100) and the
// ascending list of order statistics they need.
func type7Ranks(m int) (los [len(Percentiles)]int, fracs [len(Percentiles)]float64, ranks []int) {
	ranks = make([]int, 0, 2*len(Percentiles))
	for k, p := range Percentiles {
		h := float64(m-1) * (p / 100)
		lo := int(h)
		los[k], fracs[k] = lo, h-float64(lo)
		ranks = appendRank(ranks, lo)
		if fracs[k] > 0 && lo+1 < m {
			ranks = appendRank(ranks, lo+1)
		}
	}
	return los, fracs, ranks
}

func appendRank(ranks []int, r int) []int {
	if n := len(ranks); n > 0 && ranks[n-1] >= r {
		return ranks
	}
	return append(ranks, r)
}

// selectK rearranges a so that a[k] is the k-th smallest, with nothing
// larger before it and nothing smaller after it. Runs of equal values are
// split evenly, so a constant column costs O(m log m) at worst.
func selectK(a []float64, k int) {
	lo, hi := 0, len(a)-1
	for hi > lo {
		mid := lo + (hi-lo)/2
		if a[mid] < a[lo] {
			a[mid], a[lo] = a[lo], a[mid]
		}
		if a[hi] < a[lo] {
			a[hi], a[lo] = a[lo], a[hi]
		}
		if a[hi] < a[mid] {
			a[hi], a[mid] = a[mid], a[hi]
		}
		x := a[mid]
		i, j := lo, hi
		for i <= j {
			for a[i] < x {
				i++
			}
			for x < a[j] {
				j--
			}
			if i <= j {
				a[i], a[j] = a[j], a[i]
				i++
				j--
			}
		}
		if j < k {
			lo = i
		}
		if k < i {
			hi = j
		}
	}
}

// histBuckets is the number of histogram buckets of a band column: one
// for values below the range, histInner across it, one above.
const (
	histInner   = 4096
	histBuckets = histInner + 2
)

// histRange maps values to histogram buckets: [lo, hi] in histInner
// equal widths w = 1/scale, with bucket 0 for values more than w below lo
// and bucket histBuckets−1 for values from hi up (bucket 1 also takes
// values less than w below lo). The map never decreases as the value
// grows, so every value of a bucket is at most every value of the next:
// the counts say which bucket holds each rank, whatever the range is. A
// range that is a point (or not finite) has scale 0 and maps below lo to
// 0, lo itself to 1 and above to histBuckets−1.
type histRange struct{ lo, hi, scale float64 }

// newHistRange spans the known values of sample (block 0's draws).
func newHistRange(sample []float64) histRange {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range sample {
		if v == v {
			lo, hi = min(lo, v), max(hi, v)
		}
	}
	scale := histInner / (hi - lo)
	if !(lo < hi) || math.IsInf(scale, 0) || math.IsInf(lo, 0) || math.IsInf(hi, 0) {
		if !(lo == hi) || math.IsInf(lo, 0) {
			lo, hi = 0, 0
		}
		scale = 0
	}
	return histRange{lo, hi, scale}
}

// bucket is v's bucket; v is not NaN.
func (h histRange) bucket(v float64) int {
	if h.scale == 0 {
		return h.pointBucket(v)
	}
	return wideBucket(v, h.lo, h.scale)
}

func wideBucket(v, lo, scale float64) int {
	f := (v - lo) * scale
	if f < -1 {
		f = -1
	} else if f > histInner {
		f = histInner
	}
	return int(f) + 1 // int truncates towards zero: (−1, 1) → 1
}

func (h histRange) pointBucket(v float64) int {
	switch {
	case v < h.lo:
		return 0
	case v > h.lo:
		return histBuckets - 1
	}
	return 1
}

// count adds the known values of x to c and records each one's bucket
// in bk (histBuckets for NaN).
func (h histRange) count(c []int32, x []float64, bk []uint16) {
	c = c[:histBuckets]
	bk = bk[:len(x)]
	if h.scale == 0 {
		for d, v := range x {
			b := histBuckets
			if v == v {
				b = h.pointBucket(v)
				c[b]++
			}
			bk[d] = uint16(b)
		}
		return
	}
	lo, scale := h.lo, h.scale
	for d, v := range x {
		b := histBuckets
		if v == v {
			b = wideBucket(v, lo, scale)
			c[b]++
		}
		bk[d] = uint16(b)
	}
}

// quantiles returns the Percentiles of col's known values, exactly, given
// their buckets bk and the counts per bucket: one pass over bk copies out
// the values of the buckets that hold the wanted ranks, and selection
// among them finds the ranks.
func (h histRange) quantiles(col []float64, bk []uint16, count []int32) (Quantiles, rankStats) {
	var cum [histBuckets + 1]int32 // cum[b]: values in buckets before b
	for b, c := range count[:histBuckets] {
		cum[b+1] = cum[b] + c
	}
	m := int(cum[histBuckets])
	if m == 0 {
		return Quantiles{math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()}, rankStats{}
	}
	los, fracs, ranks := type7Ranks(m)
	var want [histBuckets + 1]bool // want[histBuckets]: NaN, never
	var start [histBuckets]int32
	n := int32(0)
	for _, r := range ranks {
		b := sortSearch(cum[:], r)
		if !want[b] && !(h.scale == 0 && b == 1) { // bucket 1 of a point range holds lo only
			want[b] = true
			start[b] = n
			n += cum[b+1] - cum[b]
		}
	}
	at := make(map[int]float64, len(ranks))
	if n > 0 {
		g := make([]float64, n)
		next := start
		bk = bk[:len(col)]
		for d, b := range bk {
			if want[b] {
				g[next[b]] = col[d]
				next[b]++
			}
		}
		for _, r := range ranks {
			b := sortSearch(cum[:], r)
			if !want[b] {
				continue
			}
			part := g[start[b] : start[b]+cum[b+1]-cum[b]]
			k := r - int(cum[b])
			selectK(part, k)
			at[r] = part[k]
		}
	}
	for _, r := range ranks {
		if _, ok := at[r]; !ok {
			at[r] = h.lo
		}
	}
	var q Quantiles
	for k := range q {
		lo, f := los[k], fracs[k]
		q[k] = at[lo]
		if f > 0 && lo+1 < m {
			q[k] = at[lo] + f*(at[lo+1]-at[lo])
		}
	}
	return q, rankStats{m, at}
}
