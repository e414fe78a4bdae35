package model

import (
	"math"
	"sort"

	"gonum.org/v1/gonum/mat"

	"fyp/internal/bilingual"
)

// validateCorrelations checks each entry of the correlation list: both
// indicators carry a shock, |ρ| ≤ 1, an indicator with itself is 1, and a
// pair given twice (in either order) has one value.
func validateCorrelations(ids []string, cs []Correlation) error {
	has := map[string]bool{}
	for _, id := range ids {
		has[id] = true
	}
	seen := map[[2]string]float64{}
	for _, c := range cs {
		name := c.A + "–" + c.B
		for _, id := range []string{c.A, c.B} {
			if !has[id] {
				return bilingual.Errorf("不确定性：相关系数%s：%s没有冲击", "model: uncertainty: correlation %s: %s has no shock", name, id)
			}
		}
		if !(math.Abs(c.Rho) <= 1) {
			return bilingual.Errorf("不确定性：相关系数%s为%g；相关系数应在−1和1之间", "model: uncertainty: correlation %s is %g; a correlation lies between −1 and 1", name, c.Rho)
		}
		if c.A == c.B {
			if c.Rho != 1 {
				return bilingual.Errorf("不确定性：相关系数%s为%g；指标与自身的相关系数为1", "model: uncertainty: correlation %s is %g; an indicator's correlation with itself is 1", name, c.Rho)
			}
			continue
		}
		key := [2]string{min(c.A, c.B), max(c.A, c.B)}
		if v, ok := seen[key]; ok && v != c.Rho {
			return bilingual.Errorf("不确定性：相关系数%s同时给为%g和%g；矩阵必须对称", "model: uncertainty: correlation %s is given as both %g and %g; the matrix must be symmetric", name, v, c.Rho)
		}
		seen[key] = c.Rho
	}
	return nil
}

// CheckUncertainty reports whether u can be simulated: each shock's
// parameters and the correlation list, which must form a valid (positive
// semi-definite) correlation matrix. The error names the pair at fault.
func CheckUncertainty(u Uncertainty) error {
	ids := make([]string, 0, len(u.Shocks))
	for id := range u.Shocks {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	if err := validateCorrelations(ids, u.Correlations); err != nil {
		return err
	}
	_, _, err := corrFactor(ids, u.Correlations)
	return err
}

// MaxCorrelatedShocks is the most shocks that may have correlations: their
// matrix is factored whole (28 B × m², 112 MB at the limit, and m³ steps).
const MaxCorrelatedShocks = 2000

// maxFaultSearch bounds the work (pairs × m³ steps) of naming the pair at
// fault in a matrix that is not positive semi-definite: about ten seconds.
const maxFaultSearch = 2e10

// corrFactor builds the correlation matrix of the shocks ids (in that
// order) and returns the lower Cholesky factor of its correlated part: of
// lists, in ascending order, the indices in ids of the shocks that appear
// in some correlation, and l is the factor of their matrix (row i is of[i]'s
// row, its columns of[0] … of[i]). Every other shock is independent of
// all: its row of the full factor is the identity's, and the full factor
// restricted to the correlated shocks is l, so only they are factored.
// Both are nil when every pair is uncorrelated. A positive semi-definite
// but singular matrix (a correlation of 1 between two shocks) is factored
// with zero pivots, so perfectly correlated shocks are identical. A matrix
// that is not positive semi-definite is an error naming the pair whose
// removal helps most.
func corrFactor(ids []string, cs []Correlation) (of []int, l [][]float64, err error) {
	at := map[string]int{}
	for i, id := range ids {
		at[id] = i
	}
	type pair struct {
		i, j int
		c    Correlation
	}
	var pairs []pair
	in := map[int]bool{}
	for _, x := range cs {
		i, okA := at[x.A]
		j, okB := at[x.B]
		if !okA || !okB || i == j || x.Rho == 0 {
			continue // a shock on an indicator that cannot be simulated
		}
		pairs = append(pairs, pair{i, j, x})
		in[i], in[j] = true, true
	}
	if len(pairs) == 0 {
		// before any matrix: a plan of 20,000 indicators, each with its
		// default shock, would allocate 3.2 GB for nothing
		return nil, nil, nil
	}
	// Only the correlated shocks: a plan of 20,000 indicators, a handful
	// of them correlated, built a 20,000² matrix (3.2 GB, three times
	// over while factoring it).
	if len(in) > MaxCorrelatedShocks {
		// the matrix and its factoring take 28 B × m² and m³ steps:
		// refused before either
		return nil, nil, bilingual.Errorf("不确定性：有相关系数的随机冲击%d个，超过上限%d个",
			"model: uncertainty: %d shocks have correlations, over the limit of %d", len(in), MaxCorrelatedShocks)
	}
	for i := range in {
		of = append(of, i)
	}
	sort.Ints(of)
	pos := make(map[int]int, len(of))
	for n, i := range of {
		pos[i] = n
	}
	for n := range pairs {
		pairs[n].i, pairs[n].j = pos[pairs[n].i], pos[pairs[n].j]
	}
	k := len(of)
	c := mat.NewSymDense(k, nil)
	for i := 0; i < k; i++ {
		c.SetSym(i, i, 1)
	}
	for _, p := range pairs {
		c.SetSym(p.i, p.j, p.c.Rho)
	}
	var ch mat.Cholesky
	if ch.Factorize(c) {
		var tri mat.TriDense
		ch.LTo(&tri)
		out := make([][]float64, k)
		for i := range out {
			out[i] = make([]float64, i+1)
			for j := 0; j <= i; j++ {
				out[i][j] = tri.At(i, j)
			}
		}
		return of, out, nil
	}
	const tol = 1e-10
	lmin := minEigen(c)
	if lmin >= -tol {
		return of, semidefiniteCholesky(c, tol), nil
	}
	if float64(len(pairs))*float64(k)*float64(k)*float64(k) > maxFaultSearch {
		// naming the pair takes one eigendecomposition per pair
		return nil, nil, bilingual.Errorf("不确定性：这些相关系数不构成有效的相关矩阵（不是半正定的：最小特征值%.3g）；相关系数太多（%d对），无法逐一找出冲突最大的一对",
			"model: uncertainty: the correlations are not a valid correlation matrix (not positive semi-definite: smallest eigenvalue %.3g); there are too many pairs (%d) to find the one at fault", lmin, len(pairs))
	}
	best, bestMin := -1, math.Inf(-1)
	for n, p := range pairs {
		c.SetSym(p.i, p.j, 0)
		if m := minEigen(c); m > bestMin {
			best, bestMin = n, m
		}
		c.SetSym(p.i, p.j, p.c.Rho)
	}
	p := pairs[best]
	return nil, nil, bilingual.Errorf("不确定性：这些相关系数不构成有效的相关矩阵（不是半正定的：最小特征值%.3g）；"+
		"%s–%s这一对（%g）与其他的冲突最大：去掉它，最小特征值为%.3g",
		"model: uncertainty: the correlations are not a valid correlation matrix (not positive semi-definite: smallest eigenvalue %.3g); "+
			"the pair %s–%s (%g) conflicts most with the others: without it the smallest eigenvalue is %.3g", lmin, p.c.A, p.c.B, p.c.Rho, bestMin)
}

func minEigen(c *mat.SymDense) float64 {
	var es mat.EigenSym
	if !es.Factorize(c, false) {
		return math.NaN()
	}
	return es.Values(nil)[0]
}

// semidefiniteCholesky factors a positive semi-definite matrix, setting a
// column to zero where its pivot is (numerically) zero.
func semidefiniteCholesky(c *mat.SymDense, tol float64) [][]float64 {
	k := c.SymmetricDim()
	l := make([][]float64, k)
	for i := range l {
		l[i] = make([]float64, i+1)
	}
	for j := 0; j < k; j++ {
		d := c.At(j, j)
		for m := 0; m < j; m++ {
			d -= l[j][m] * l[j][m]
		}
		if d <= tol {
			continue // column j stays zero
		}
		l[j][j] = math.Sqrt(d)
		for i := j + 1; i < k; i++ {
			s := c.At(i, j)
			for m := 0; m < j; m++ {
				s -= l[i][m] * l[j][m]
			}
			l[i][j] = s / l[j][j]
		}
	}
	return l
}
