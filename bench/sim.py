#!/usr/bin/python3
"""NumPy implementation of `fyp simulate`'s job, for a side-by-side timing.

Reads the compiled program that `fyp simulate --program` prints (the same
per-year rule numbers, shocks, Cholesky factor and targets) and runs the
same Monte Carlo: year by year, all draws at once as NumPy vectors, AR(1)
shocks (normal or scaled Student-t) correlated by the Cholesky factor,
derived and clamped series, per-target P(met) with its standard error and
percentiles, and every simulated indicator's yearly percentiles
(np.percentile, linear = the same type-7 definition as fyp). The random
numbers differ from fyp's (NumPy's PCG64), so the figures agree only
within Monte Carlo error.

usage: sim.py PROGRAM.json DRAWS SEED
"""
import json
import sys

import numpy as np

FLOOR = 0.01  # 1 + model.SimFloorPct/100


def floor_at(central, base):
    """model.floorAt: base*FLOOR, or central*FLOOR when central is lower and above zero."""
    lo = FLOOR * base
    return FLOOR * central if 0 < central < lo else lo


def main():
    prog = json.load(open(sys.argv[1]))
    n, seed = int(sys.argv[2]), int(sys.argv[3])
    rng = np.random.default_rng(seed)
    series, shocks, targets = prog["series"], prog["shocks"], prog["targets"]
    years, base = prog["years"], prog["base"]
    nan = float("nan")
    f = lambda v: nan if v is None else v
    out = [np.full(n, f(s["start"])) for s in series]
    raw = [np.full(n, f(s["start"])) if s["clamp"] and not s["derived"] else out[k] for k, s in enumerate(series)]
    eps = np.zeros((len(shocks), n))
    L = np.array(prog["chol"] and [r + [0] * (len(shocks) - len(r)) for r in prog["chol"]] or np.eye(len(shocks)))
    df = np.array([s["DF"] for s in shocks])
    sd = np.array([s["SD"] for s in shocks])
    rho = np.array([s["Rho"] for s in shocks])
    pct = [5, 25, 50, 75, 95]
    bands = {}
    acc = {}
    res = []
    for i in range(1, years):
        y = base + i
        z = L @ rng.standard_normal((len(shocks), n))
        for k in np.nonzero(df)[0]:
            z[k] *= np.sqrt((df[k] - 2) / rng.chisquare(df[k], n))
        if i == 1:
            eps = sd[:, None] * z
        else:
            eps = rho[:, None] * eps + (np.sqrt(1 - rho * rho) * sd)[:, None] * z
        for k, s in enumerate(series):
            if s["derived"]:
                a = [out[j] for j in s["of"]]
                x0, b0 = f(s["x0"]), [f(v) for v in s["of_base"]]
                d = s["derived"]
                if d in ("ratio", "share"):
                    v = x0 * (a[0] / b0[0]) / (a[1] / b0[1])
                elif d == "product":
                    v = x0 * (a[0] / b0[0]) * (a[1] / b0[1])
                elif d == "sum":
                    v = sum(a)
                else:
                    v = a[0] - a[1]
            else:
                x = raw[k]
                e = eps[s["shock"]] if s["shock"] >= 0 else 0.0
                c, fv, op = f(s["c"][i]), f(s["f"][i]), s["op"][i]
                # mul, plan_mul, flow_mul: a draw's yearly growth is held at
                # -99 % (model.SimFloorPct) unless the central path is lower.
                if op == "mul":
                    v = x * np.maximum(1 + (c + e) / 100, floor_at(1 + c / 100, 1))
                elif op == "add":
                    v = x + (c + e)
                elif op == "logistic":
                    v = x + (c + e) / 100 * x * (1 - x / f(s["k"]))
                elif op == "plan_mul":
                    v = x * np.maximum(fv * (1 + (c + e) / 100), floor_at(fv * (1 + c / 100), 1))
                elif op == "plan_add":
                    v = x + fv + (c + e)
                elif op == "flow_mul":
                    v = fv * (1 + (c + e) / 100) * np.ones(n)
                    if fv > 0:
                        v = np.maximum(v, floor_at(fv * (1 + c / 100), fv))
                else:
                    v = fv + (c + e) * np.ones(n)
                v = v * f(s["level"][i])
            ob = f(s["obs"][i])
            if ob == ob:
                v = np.full(n, ob)
            if not s["derived"]:
                raw[k] = v
            if s["clamp"]:
                v = np.clip(v, s["Lo"], s["Hi"])
            out[k] = v
        for k, s in enumerate(series):
            if s["band"]:
                bands[(s["id"], y)] = np.percentile(out[k], pct)
        for t_i, t in enumerate(targets):
            col = out[t["series"]]
            if t["from"] == y and t["from"] > base:
                acc[("from", t_i)] = col.copy()
            kind = t["kind"]
            if kind in ("cumulative", "floor", "ceiling") and t["from"] < y <= t["year"]:
                a = acc.get(t_i)
                if a is None:
                    a = col.copy()
                elif kind == "cumulative":
                    a = a + col
                elif kind == "floor":
                    a = np.minimum(a, col)
                else:
                    a = np.maximum(a, col)
                acc[t_i] = a
            if y != t["year"]:
                continue
            x0 = acc.get(("from", t_i), f(t["x0"]))
            with np.errstate(all="ignore"):
                if kind == "level":
                    m = col
                elif kind == "growth":
                    m = ((col / x0) ** (1 / (t["year"] - t["from"])) - 1) * 100
                elif kind == "change":
                    m = col - x0
                elif kind == "multiple":
                    m = col / x0
                elif kind == "reduction":
                    m = (1 - col / x0) * 100
                else:
                    m = acc[t_i]
            ok = ~np.isnan(m)
            p = np.count_nonzero(t["dir"] * (m[ok] - t["value"]) >= -t["tol"]) / n
            res.append((series[t["series"]]["id"], t["year"], kind, p, (p * (1 - p) / n) ** 0.5, np.percentile(m[ok], pct)))
    for r in res:
        print("%s %d %s p=%.4f se=%.4f q=%s" % (r[0], r[1], r[2], r[3], r[4], np.round(r[5], 4)))
    print("bands:", len(bands))


main()
