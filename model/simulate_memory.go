package model

// SimMemory estimates the bytes a Monte Carlo run of pr under u with opt
// holds at once, before running it, so that a caller can refuse a run that
// would not fit. The run keeps one year of every draw (not whole paths):
//
//	per draw:   8 B per simulated series (+8 for a clamped one's raw value),
//	            4 B per shock (its AR state), 8 B per target from a later
//	            year or accumulating, 2 B per band series (its histogram
//	            bucket), and 10 B per worker (its sort and gather buffers);
//	per worker: 8 B × SimBlock per shock, 4 B × histBuckets per band;
//	per year:   5 percentiles per band series;
//	once:       the Cholesky factor of the m correlated shocks, kept as
//	            m²/2 numbers and its m²/2 nonzero entries (12 B × m²),
//	            and while Compile factors it, 28 B × m² (the matrix, its
//	            factor, a copy and the rows kept), freed before the run.
//
// It is the working set, not counting the few transient buffers of each
// year's percentiles; TestSimMemory holds it to the measured allocation.
func SimMemory(pr *Projection, u Uncertainty, opt SimOptions) (int64, error) {
	prog, err := Compile(pr, u)
	if err != nil {
		return 0, err
	}
	return prog.memory(opt.Draws, max(1, opt.Workers)), nil
}

func (prog *SimProgram) memory(draws, workers int) int64 {
	n, w := int64(draws), int64(workers)
	blocks := (n + SimBlock - 1) / SimBlock
	var perDraw, perWorker int64
	bands := int64(0)
	for _, s := range prog.Series {
		perDraw += 8
		if s.raw {
			perDraw += 8
		}
		if s.Band {
			bands++
		}
	}
	perDraw += 4 * int64(len(prog.Shocks))
	for _, t := range prog.Targets {
		if t.Target.From > prog.Base {
			perDraw += 8
		}
		switch t.Target.Kind {
		case Cumulative, Floor, Ceiling:
			perDraw += 8
		}
	}
	perDraw += w * (2 + 8)
	perWorker = 8 * SimBlock * int64(len(prog.Shocks))
	if blocks > 1 {
		perDraw += 2 * bands
		perWorker += 4 * histBuckets * bands
	}
	const streamBytes = 32 + 8 // a block's stream (four uint64) and its pointer
	const quantilesBytes = int64(8 * len(Percentiles))
	fixed := blocks*streamBytes + bands*int64(prog.Years)*quantilesBytes +
		8*SimBlock // the zero block
	m := int64(len(prog.CholOf))
	fixed += 12 * m * m
	return max(n*perDraw+w*perWorker+fixed, 28*m*m)
}

// SimDrawsWithin is the largest number of draws, at most opt.Draws and
// rounded down to a hundred when over one, whose run of pr under u
// (SimMemory) fits in budget bytes; 0 when not even one draw fits.
func SimDrawsWithin(pr *Projection, u Uncertainty, opt SimOptions, budget int64) (int, error) {
	prog, err := Compile(pr, u)
	if err != nil {
		return 0, err
	}
	w := max(1, opt.Workers)
	if prog.memory(opt.Draws, w) <= budget {
		return opt.Draws, nil
	}
	lo, hi := 0, opt.Draws // memory(lo) fits (or lo = 0), memory(hi) does not
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if prog.memory(mid, w) <= budget {
			lo = mid
		} else {
			hi = mid
		}
	}
	if lo > 100 {
		lo -= lo % 100
	}
	return lo, nil
}
