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
	var los [len(Percentiles)]int
	var fracs [len(Percentiles)]float64
	ranks := make([]int, 0, 2*len(Percentiles))
	for k, p := range Percentiles {
		h := float64(m-1) * (p / 100)
		lo := int(h)
		los[k], fracs[k] = lo, h-float64(lo)
		ranks = appendRank(ranks, lo)
		if fracs[k] > 0 && lo+1 < m {
			ranks = appendRank(ranks, lo+1)
		}
	}
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
	histInner   = 256
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

// setRange sets the quantity's histogram range from the pilot's values
// (all kept), counts them and flags every bucket.
func (q *quant) setRange(ws []*simWorker, qi int) {
	if q.virtual {
		return
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, w := range ws {
		l := &w.keep[qi]
		for k := range l.chunks() {
			for _, v := range l.chunk(k) {
				if v == v {
					lo, hi = min(lo, v), max(hi, v)
				}
			}
		}
	}
	q.hr = newHistRange([]float64{lo, hi})
	for _, w := range ws {
		l := &w.keep[qi]
		for k := range l.chunks() {
			for _, v := range l.chunk(k) {
				q.count[q.hr.bucketNaN(v)]++
			}
		}
	}
	for b := range histBuckets {
		q.flag.set(b)
	}
}

// bucketNaN is v's bucket, histBuckets for NaN.
func (h histRange) bucketNaN(v float64) int {
	if v != v {
		return histBuckets
	}
	return h.bucket(v)
}

// add counts the values of x into cnt and returns those of flagged
// buckets, in sc (at least len(x) long). Every value
// is written to sc and the length advanced by the bucket's flag, without a
// branch: whether a value is kept is as good as random, and a mispredicted
// branch per value cost more than the rest; only the kept ones are then
// copied to the kept list.
func (q *quant) add(cnt []uint16, x, sc []float64) []float64 {
	cnt = cnt[:histBuckets+1]
	flag := q.flag
	sc = sc[:len(x)]
	h := q.hr
	j := 0
	if h.scale == 0 {
		for _, v := range x {
			b := h.bucketNaN(v)
			cnt[b]++
			sc[j] = v
			j += int(flag.bit(b))
		}
		return sc[:j]
	}
	lo, scale := h.lo, h.scale
	for _, v := range x {
		b := histBuckets
		if v == v {
			b = wideBucket(v, lo, scale)
		}
		cnt[b]++
		sc[j] = v
		j += int(flag.bit(b))
	}
	return sc[:j]
}

// shrink drops the buckets that can no longer hold a wanted rank, t of
// the n draws having been counted, and the kept values of those buckets.
//
// The draws are exchangeable, so the counted ones are a random t of the
// n: of the r values below the final rank-r value, the number counted so
// far is hypergeometric, mean r·t/n and variance ≈ p(1−p)·t·(n−t)/n with
// p = r/n. A bucket stays kept when its counted ranks meet
// [r·t/n − windowSD·sd − 2, (r+1)·t/n + windowSD·sd + 2] for some
// percentile's rank r (and the next, for interpolation); the percentiles
// are symmetric, so the ranks m−1−r that point targets reading reversed
// order statistics need are covered too. With windowSD = 6 a wanted rank
// leaves the kept buckets with probability of order 10⁻⁹ per
// (quantity, round); then fallback finds it exactly. With NaN values the
// final count m is not known yet, and nothing is dropped.
func (q *quant) shrink(t, n int, ws []*simWorker, qi int) {
	if q.virtual || q.count[histBuckets] > 0 {
		return
	}
	var cum [histBuckets + 1]int32
	for b, c := range q.count[:histBuckets] {
		cum[b+1] = cum[b] + c
	}
	var keepB [histBuckets + 1]bool
	tf, nf := float64(t), float64(n)
	for _, p := range Percentiles {
		r := float64(int(float64(n-1) * (p / 100)))
		pp := p / 100
		sd := math.Sqrt(pp * (1 - pp) * tf * (nf - tf) / nf)
		a := r*tf/nf - windowSD*sd - 2
		c := (r+1)*tf/nf + windowSD*sd + 2
		for b := range histBuckets {
			if float64(cum[b]) <= c && float64(cum[b+1]) >= a {
				keepB[b] = true
			}
		}
	}
	for b := range histBuckets {
		if !keepB[b] {
			q.flag.unset(b)
		}
	}
	for _, w := range ws {
		w.keep[qi].filter(q.hr, &q.flag)
	}
}

// resolve computes the percentiles from the counts and kept values, with
// the order statistics used (and for point targets the reversed ones);
// ok is false when a rank it needs lies in a dropped bucket.
func (q *quant) resolve(ws []*simWorker, qi int) {
	var cum [histBuckets + 1]int32
	for b, c := range q.count[:histBuckets] {
		cum[b+1] = cum[b] + c
	}
	m := int(cum[histBuckets])
	if m == 0 {
		q.q, q.rs, q.ok = Quantiles{math.NaN(), math.NaN(), math.NaN(), math.NaN(), math.NaN()}, rankStats{}, true
		return
	}
	var los [len(Percentiles)]int
	var fracs [len(Percentiles)]float64
	want := map[int]bool{}
	for k, p := range Percentiles {
		hh := float64(m-1) * (p / 100)
		lo := int(hh)
		los[k], fracs[k] = lo, hh-float64(lo)
		for _, r := range []int{lo, lo + 1, m - 1 - lo, m - 2 - lo} {
			if r >= 0 && r < m {
				want[r] = true
			}
		}
	}
	at := make(map[int]float64, len(want))
	// The wanted buckets' values, gathered in one pass over keep.
	var slot [histBuckets + 1]int8 // 1 + index into parts
	var parts [][]float64
	for r := range want {
		b := sortSearch(cum[:], r)
		if q.hr.scale == 0 && b == 1 { // bucket 1 of a point range holds lo only
			at[r] = q.hr.lo
			continue
		}
		if q.flag.bit(b) == 0 {
			if isPercentileRank(r, los, fracs, m) {
				q.ok = false
				return
			}
			continue // a reversed rank only: pointQuantiles will report it missing
		}
		if slot[b] == 0 {
			parts = append(parts, make([]float64, 0, cum[b+1]-cum[b]))
			slot[b] = int8(len(parts))
		}
	}
	if len(parts) > 0 {
		for _, w := range ws {
			l := &w.keep[qi]
			for k := range l.chunks() {
				for _, v := range l.chunk(k) {
					if v == v {
						if s := slot[q.hr.bucket(v)]; s != 0 {
							parts[s-1] = append(parts[s-1], v)
						}
					}
				}
			}
		}
	}
	for r := range want {
		b := sortSearch(cum[:], r)
		if slot[b] == 0 {
			continue
		}
		part := parts[slot[b]-1]
		k := r - int(cum[b])
		selectK(part, k)
		at[r] = part[k]
	}
	var res Quantiles
	for k := range res {
		lo, f := los[k], fracs[k]
		res[k] = at[lo]
		if f > 0 && lo+1 < m {
			res[k] = at[lo] + f*(at[lo+1]-at[lo])
		}
	}
	q.q, q.rs, q.ok = res, rankStats{m, at}, true
}

// isPercentileRank reports whether rank r is one a percentile reads.
func isPercentileRank(r int, los [len(Percentiles)]int, fracs [len(Percentiles)]float64, m int) bool {
	for k, lo := range los {
		if r == lo || r == lo+1 && fracs[k] > 0 && lo+1 < m {
			return true
		}
	}
	return false
}

// bucketSet is a set of histogram buckets (NaN's included, never set).
type bucketSet [(histBuckets + 64) / 64]uint64

func (s *bucketSet) set(b int)   { s[b>>6] |= 1 << (b & 63) }
func (s *bucketSet) unset(b int) { s[b>>6] &^= 1 << (b & 63) }

// bit is 1 when b is in the set, else 0.
func (s *bucketSet) bit(b int) uint64 { return s[b>>6] >> (b & 63) & 1 }

// valList is a list of values in chunks of chunkLen: appending never moves
// what is there, and dropping values keeps the chunks for what comes next,
// so a run allocates about its peak of kept values, once.
type valList struct {
	c []*[chunkLen]float64
	n int // values
}

const chunkLen = 512

func (l *valList) append(x []float64) {
	for len(x) > 0 {
		k, off := l.n/chunkLen, l.n%chunkLen
		if k == len(l.c) {
			l.c = append(l.c, new([chunkLen]float64))
		}
		m := copy(l.c[k][off:], x)
		x = x[m:]
		l.n += m
	}
}

// chunks is the number of chunks that hold values.
func (l *valList) chunks() int { return (l.n + chunkLen - 1) / chunkLen }

// filter keeps the values whose bucket under h is in keep, in order; the
// list holds no NaN.
func (l *valList) filter(h histRange, keep *bucketSet) {
	if l.n == 0 {
		return
	}
	set := *keep
	c := l.c
	wk, wj := 0, uint(0)
	dst := c[0]
	for k := range l.chunks() {
		for _, v := range l.chunk(k) {
			dst[wj&(chunkLen-1)] = v
			wj += uint(set.bit(h.bucket(v)))
			if wj == chunkLen {
				wk++
				wj = 0
				if wk < len(c) {
					dst = c[wk]
				}
			}
		}
	}
	l.n = wk*chunkLen + int(wj)
}

// chunk is chunk k's values.
func (l *valList) chunk(k int) []float64 { return l.c[k][:min(chunkLen, l.n-k*chunkLen)] }
