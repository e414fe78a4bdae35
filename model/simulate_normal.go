package model

import (
	"math"
	"math/bits"
	"math/rand/v2"
)

// stream is one block's random numbers: xoshiro256** (Blackman and
// Vigna 2018), a rand.Source, called directly together with a ziggurat
// for normals (Marsaglia and Tsang 2000, 256 strips), the generator's
// state kept in registers in the loops that fill a block (fillNorm,
// scaleT). It is several times as fast here as rand.PCG behind rand.Rand, which matters
// at 55 million normals a run.
type stream struct{ s0, s1, s2, s3 uint64 }

var _ rand.Source = (*stream)(nil)

// newStream derives block b's stream from seed: the state is four
// SplitMix64 outputs seeded with a hash of (seed, b), the seeding the
// generator's authors recommend.
func newStream(seed uint64, b int) *stream {
	x := seed ^ splitmix(uint64(b)^0x6a09e667f3bcc909)
	var s stream
	x += 0x9e3779b97f4a7c15
	s.s0 = splitmix(x)
	x += 0x9e3779b97f4a7c15
	s.s1 = splitmix(x)
	x += 0x9e3779b97f4a7c15
	s.s2 = splitmix(x)
	x += 0x9e3779b97f4a7c15
	s.s3 = splitmix(x)
	return &s
}

// Uint64 is the next 64 random bits.
func (s *stream) Uint64() uint64 {
	r := bits.RotateLeft64(s.s1*5, 7) * 9
	t := s.s1 << 17
	s.s2 ^= s.s0
	s.s3 ^= s.s1
	s.s1 ^= s.s2
	s.s0 ^= s.s3
	s.s2 ^= t
	s.s3 = bits.RotateLeft64(s.s3, 45)
	return r
}

func splitmix(x uint64) uint64 {
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// float64 is uniform on [0, 1).
func (s *stream) float64() float64 { return float64(s.Uint64()>>11) / (1 << 53) }

// The ziggurat has 256 strips (Marsaglia and Tsang's 256-strip table: r,
// the start of the tail, and v, each strip's area): 99 % of draws take the
// fast path, against 97 % with 128 strips, which matters because the slow
// path calls Exp.
const (
	zigN = 256
	zigR = 3.6541528853610088
	zigV = 4.92867323399e-3
)

var zigK [zigN]uint32
var zigW, zigF [zigN]float64

// zigX[i] is strip i's outer edge (zigX[0] = 0, the inner edge of strip
// 1), zigIW[i] = 1/(zigX[i] − zigX[i−1]), and zigLo[i], zigHi[i] bound
// how far the density, in the wedge test's units u(x) = (f(x) − f_i) /
// (f_{i−1} − f_i), lies below and above the chord t(x) = (x_i − x)·zigIW[i]
// across the strip: t − zigLo ≤ u ≤ t + zigHi. A uniform U below t − zigLo
// is accepted and one above t + zigHi rejected without calling Exp; only
// the thin band between needs Exp, so the decisions (and so the numbers)
// are those of the exact test.
var zigX, zigIW [zigN]float64

func init() {
	const m1 = 1 << 31
	dn, tn, vn := zigR, zigR, zigV
	q := vn / math.Exp(-.5*dn*dn)
	zigK[0], zigK[1] = uint32(dn/q*m1), 0
	zigW[0], zigW[zigN-1] = q/m1, dn/m1
	zigF[0], zigF[zigN-1] = 1, math.Exp(-.5*dn*dn)
	for i := zigN - 2; i >= 1; i-- {
		dn = math.Sqrt(-2 * math.Log(vn/dn+math.Exp(-.5*dn*dn)))
		zigK[i+1] = uint32(dn / tn * m1)
		tn = dn
		zigF[i] = math.Exp(-.5 * dn * dn)
		zigW[i] = dn / m1
	}
	for i := 1; i < zigN; i++ {
		zigX[i] = zigW[i] * m1
	}
	for i := 1; i < zigN; i++ {
		zigIW[i] = 1 / (zigX[i] - zigX[i-1])
	}
}

// zigBounds computes zigLo and zigHi (stored in simulate_zigtable.go, since
// computing them takes a million calls of Exp: 17 ms at every start;
// TestZigguratBoundsTable checks the table against this).
func zigBounds() (zlo, zhi [zigN]float64) {
	for i := 1; i < zigN; i++ {
		a, b := zigX[i-1], zigX[i]
		df := zigF[i-1] - zigF[i]
		// Sample the deviation u − t densely; between samples h apart it
		// can exceed the samples' extreme by at most h²/8·max|u''| ≤
		// h²/(8·df) (|f''| ≤ 1). The margin also covers a slightly
		// outside the strip (K rounds down) and the rounding of t.
		const steps = 4096
		h := (b - a) / steps
		lo, hi := 0.0, 0.0
		for k := -1; k <= steps; k++ {
			x := a + float64(k)*h
			g := (math.Exp(-.5*x*x)-zigF[i])/df - (b-x)*zigIW[i]
			lo, hi = max(lo, -g), max(hi, g)
		}
		margin := h*h/(8*df) + 1e-6
		zlo[i], zhi[i] = lo+margin, hi+margin
	}
	return zlo, zhi
}

// norm is a standard normal variate.
func (s *stream) norm() float64 { return s.normFrom(s.Uint64()) }

// normFrom finishes a normal variate whose first 64 random bits are u:
// the ziggurat's fast path, then its wedge and tail tests, drawing more
// bits as they need.
func (s *stream) normFrom(u uint64) float64 {
	for {
		j := int32(u)
		i := u >> 32 & (zigN - 1)
		x := float64(j) * zigW[i]
		a := uint32(j)
		if j < 0 {
			a = uint32(-j)
		}
		if a < zigK[i] {
			return x
		}
		if i == 0 { // the tail beyond zigR
			for {
				x = -math.Log(s.float64()) / zigR
				y := -math.Log(s.float64())
				if y+y >= x*x {
					break
				}
			}
			if j > 0 {
				return zigR + x
			}
			return -(zigR + x)
		}
		uu := s.float64()
		t := (zigX[i] - math.Abs(x)) * zigIW[i]
		switch {
		case uu < t-zigLo[i]:
			return x
		case uu > t+zigHi[i]:
		case zigF[i]+uu*(zigF[i-1]-zigF[i]) < math.Exp(-.5*x*x):
			return x
		}
		u = s.Uint64()
	}
}

// fillNorm fills z with standard normal variates: the same numbers as
// calling norm len(z) times, but with the generator's state in registers
// and the ziggurat's fast path (99 % of draws) inline.
func (s *stream) fillNorm(z []float64) {
	s0, s1, s2, s3 := s.s0, s.s1, s.s2, s.s3
	for d := range z {
		u := bits.RotateLeft64(s1*5, 7) * 9
		t := s1 << 17
		s2 ^= s0
		s3 ^= s1
		s1 ^= s2
		s0 ^= s3
		s2 ^= t
		s3 = bits.RotateLeft64(s3, 45)
		j := int32(u)
		i := u >> 32 & (zigN - 1)
		m := j >> 31
		if uint32((j^m)-m) < zigK[i] {
			z[d] = float64(j) * zigW[i]
			continue
		}
		s.s0, s.s1, s.s2, s.s3 = s0, s1, s2, s3
		z[d] = s.normFrom(u)
		s0, s1, s2, s3 = s.s0, s.s1, s.s2, s.s3
	}
	s.s0, s.s1, s.s2, s.s3 = s0, s1, s2, s3
}

// chiSquare draws χ²_ν = 2·Gamma(ν/2) by Marsaglia and Tsang's method
// (ν > 2, so the shape is above 1).
func (s *stream) chiSquare(nu float64) float64 {
	d := nu/2 - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := s.norm()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := s.float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return 2 * d * v
		}
	}
}

// scaleT multiplies each of z by √((ν−2)/χ²_ν), a fresh χ²_ν each (as
// chiSquare, with the generator's state in registers and the ziggurat's
// fast path inline): normals z become Student-t with unit variance.
func (s *stream) scaleT(z []float64, nu float64) {
	dd := nu/2 - 1.0/3
	c := 1 / math.Sqrt(9*dd)
	num := (nu - 2) / (2 * dd)
	s0, s1, s2, s3 := s.s0, s.s1, s.s2, s.s3
	for k := range z {
		for {
			// x: a standard normal (norm)
			u := bits.RotateLeft64(s1*5, 7) * 9
			t := s1 << 17
			s2 ^= s0
			s3 ^= s1
			s1 ^= s2
			s0 ^= s3
			s2 ^= t
			s3 = bits.RotateLeft64(s3, 45)
			j := int32(u)
			i := u >> 32 & (zigN - 1)
			m := j >> 31
			var x float64
			if uint32((j^m)-m) < zigK[i] {
				x = float64(j) * zigW[i]
			} else {
				s.s0, s.s1, s.s2, s.s3 = s0, s1, s2, s3
				x = s.normFrom(u)
				s0, s1, s2, s3 = s.s0, s.s1, s.s2, s.s3
			}
			v := 1 + c*x
			if v <= 0 {
				continue
			}
			v = v * v * v
			// uu: uniform on [0, 1) (float64)
			u = bits.RotateLeft64(s1*5, 7) * 9
			t = s1 << 17
			s2 ^= s0
			s3 ^= s1
			s1 ^= s2
			s0 ^= s3
			s2 ^= t
			s3 = bits.RotateLeft64(s3, 45)
			uu := float64(u>>11) / (1 << 53)
			x2 := x * x
			if uu < 1-0.0331*x2*x2 || math.Log(uu) < 0.5*x2+dd*(1-v+math.Log(v)) {
				z[k] *= math.Sqrt(num / v) // (ν−2)/χ², χ² = 2·d·v
				break
			}
		}
	}
	s.s0, s.s1, s.s2, s.s3 = s0, s1, s2, s3
}
