// fyp serve: the page. Plain script, no build step. The state (plan,
// starting scenario, language, moved sliders) lives in the URL, so a link
// reproduces the view; every change asks the server, which computes with
// the same engine as the command line.
"use strict";

const T = {
  zh: {
    title: "fyp · 规划目标测算", plan: "规划", start: "起点情景", reset: "全部恢复", save: "下载情景 YAML",
    assumptions: "假设", planRate: "规划速度", prevRate: "上一规划实际速度", more: "其他指标（各章目标）",
    targets: "目标", no: "序号", indicator: "指标", year: "年份", target: "目标", projected: "测算值", verdict: "评价",
    margin: "余量", required: "所需速度", assumed: "假设速度", historical: "历史速度", pmet: "实现概率",
    tableNote: "★ 约束性指标，排在前面。点击一行（或用 Tab 选中后按回车）求解：某个假设取什么值恰好达标。实现概率：10,000 次模拟中达标的比例。",
    vary: "改变", solve: "求解", apply: "应用此值", headlineCap: "主要指标：规划自身路径（plan）与当前设置（custom）",
    reachCap: "可达性：假设速度和历史速度相对所需速度（1 = 恰好达标）",
    met: "达标", missed: "未达标", nodata: "数据不足", delegated: "市下达",
    summary: (c) => `达标 ${c.met}，未达标 ${c.missed}，数据不足 ${c.nodata}，市下达 ${c.delegated}`,
    solveTitle: (n, y) => `求解：使「${n}」${y}年恰好达标`,
    found: (k, v, u) => `${k} = ${v} ${u} 恰好达标`,
    resetOne: "恢复", derived: "由恒等式推算，不能单独设定（先设定其推算来源）", identity: "设定它会把恒等式反过来",
    planMark: "规划", prevMark: "上一规划", yr: "/年", working: "计算中…", plans: "规划自身规则",
    observed: "观测数据（CSV/XLSX）", leaveReview: "退出评估", observedCol: "观测值", elapsed: "时间进度", done: "任务完成",
    category: "评价", remaining: "剩余年份所需速度", reason: "说明", progressCap: "任务完成与时间进度",
    reviewNote: "评估模式：观测值替代其年份的测算值，其后各年按左侧滑块继续测算；目标表为续算结果。上传的文件只在内存中读取，不保存；网址不包含文件，刷新后需重新上传。",
    reviewTitle: (f, y) => `中期评估：${f}，截至${y}年`, noSim: "评估模式下不模拟", notModelled: "未建模", notModelledWhy: "没有随机冲击作用于该指标，概率无从谈起", shipped: "用随附的实际数据评估", indexOf: (y) => `（指数，${y}年=100）`, synthetic: "示例数据 SYNTHETIC · 非真实统计数据（该文件注明其数字为虚构示例）",
  },
  en: {
    title: "fyp · testing a plan's targets", plan: "Plan", start: "Starting scenario", reset: "Reset all", save: "Download scenario YAML",
    assumptions: "Assumptions", planRate: "the plan's pace", prevRate: "delivered under the previous plan", more: "Other indicators (chapter targets)",
    targets: "Targets", no: "No.", indicator: "Indicator", year: "Year", target: "Target", projected: "Projected", verdict: "Verdict",
    margin: "Margin", required: "Required", assumed: "Assumed", historical: "Historical", pmet: "P(met)",
    tableNote: "★ binding targets, listed first. Click a row (or Tab to it and press Enter) to solve: which value of an assumption meets it exactly. P(met): the share of 10,000 simulated draws that meet the target.",
    vary: "Vary", solve: "Solve", apply: "Apply this value", headlineCap: "Headline indicators: the plan's own path (plan) and the current settings (custom)",
    reachCap: "Reachability: assumed and historical pace relative to the required pace (1 = exactly met)",
    met: "met", missed: "not met", nodata: "insufficient data", delegated: "delegated",
    summary: (c) => `met ${c.met}, not met ${c.missed}, insufficient data ${c.nodata}, delegated ${c.delegated}`,
    solveTitle: (n, y) => `Solve: meet "${n}" ${y} exactly`,
    found: (k, v, u) => `${k} = ${v} ${u} meets it exactly`,
    resetOne: "Reset", derived: "derived through an identity; set what it is derived from instead", identity: "setting it turns the identity round",
    planMark: "plan", prevMark: "previous plan", yr: "/yr", working: "computing…", plans: "The plan's own rules",
    observed: "Observed figures (CSV/XLSX)", leaveReview: "Leave review", observedCol: "Observed", elapsed: "Time elapsed", done: "Task done",
    category: "Assessment", remaining: "Required in the remaining years", reason: "Reason", progressCap: "Task done against time elapsed",
    reviewNote: "Review mode: observed figures replace the projection in their years, and the sliders drive the remaining years; the targets table is that continued projection. The uploaded file is read in memory only, never saved; the URL does not hold it, so upload it again after a reload.",
    reviewTitle: (f, y) => `Mid-term review: ${f}, as of ${y}`, noSim: "no simulation in review mode", notModelled: "not modelled", notModelledWhy: "no shock reaches this indicator: no probability to report", shipped: "Review with the shipped figures", indexOf: (y) => ` (index, ${y} = 100)`, synthetic: "SYNTHETIC · invented figures, not real statistics (the file marks its figures as a made-up example)",
  },
};

const state = { plan: "", scenario: "", lang: "zh", settings: {} };
let plans = [], detail = null, knobByKey = {}, rows = [], solveRef = null, solveKey = null, solveValue = null;
let observedFile = null; // {name, data: ArrayBuffer} in review mode; kept in memory only
let timer = null, simTimer = null, assessCtl = null, simCtl = null;

const $ = (id) => document.getElementById(id);
const tr = (k) => T[state.lang][k];
const L = (t) => (state.lang === "en" ? t.en || t.zh : t.zh);

function fmt(v, d = 2) {
  if (v === null || v === undefined || Number.isNaN(v)) return "—";
  const s = Number(v.toFixed(d));
  return Object.is(s, -0) ? "0" : String(s);
}

function goalText(r) {
  if (r.kind === "delegated") return tr("delegated");
  if (r.relative_to) {
    // A growth target against another indicator's growth, in pp.
    const op = { min: "≥", max: "≤", approx: "≈" }[r.bound] || "=";
    const ref = r.relative_name ? L(r.relative_name) || r.relative_to : r.relative_to;
    const v = r.target || 0;
    const d = (v < 0 ? "−" : "+") + fmt(Math.abs(v), 2);
    return state.lang === "en" ? `growth ${op} ${ref} growth ${d} pp` : `增速${op}${ref}增速${d}`;
  }
  let v = fmt(r.target, 3);
  switch (r.kind) {
    case "growth": v += "%" + tr("yr"); break;
    case "reduction": v = "−" + v + "%"; break;
    case "change": v = "+" + v; break;
    case "multiple": v = "×" + v; break;
    case "cumulative": v = "[" + v + "]"; break;
  }
  // A fall is printed as a negative change: 下降13.5%以上 is "≤−13.5%".
  const marks = r.kind === "reduction" ? { min: "≤", max: "≥", approx: "≈" } : { min: "≥", max: "≤", approx: "≈" };
  return (marks[r.bound] || "") + v;
}

// ---- URL <-> state

function readURL() {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of q) {
    if (k === "plan") state.plan = v;
    else if (k === "scenario") state.scenario = v;
    else if (k === "lang") state.lang = v === "en" ? "en" : "zh";
    else if (k.includes(".")) { const f = parseFloat(v); if (Number.isFinite(f)) state.settings[k] = f; }
  }
}

function query() {
  const q = new URLSearchParams();
  q.set("plan", state.plan);
  q.set("scenario", state.scenario);
  q.set("lang", state.lang);
  for (const k of Object.keys(state.settings).sort()) q.set(k, String(state.settings[k]));
  return q.toString();
}

function writeURL() {
  const q = query();
  history.replaceState(null, "", "?" + q);
  $("save").href = "/api/scenario?" + q;
}

// ---- server

async function api(method, path, body, signal) {
  const opt = { method, signal, headers: {} };
  if (body !== undefined) { opt.headers["Content-Type"] = "application/json"; opt.body = JSON.stringify(body); }
  const res = await fetch(path, opt);
  const data = await res.json();
  if (!res.ok) throw new Error(errorText(data) || res.statusText);
  return data;
}

// errorText is the server's message in the page's language (error is
// English, error_zh Chinese).
function errorText(data) {
  return (state.lang !== "en" && data.error_zh) || data.error;
}

function showError(e) {
  if (e && e.name === "AbortError") return;
  const m = $("msg");
  if (e) { m.textContent = e.message; m.hidden = false; } else { m.hidden = true; m.textContent = ""; }
}

function body() {
  return { plan: state.plan, scenario: state.scenario, lang: state.lang, settings: state.settings };
}

// ---- texts

function applyTexts() {
  document.documentElement.lang = state.lang === "en" ? "en" : "zh";
  document.title = tr("title");
  $("title").textContent = tr("title");
  for (const el of document.querySelectorAll("[data-t]")) {
    const v = tr(el.dataset.t);
    if (typeof v === "string") el.textContent = v;
  }
  $("lang").textContent = state.lang === "en" ? "中文" : "EN";
}

// ---- plans and sliders

async function loadPlans() {
  plans = await api("GET", "/api/plans");
  if (!plans.some((p) => p.id === state.plan)) state.plan = plans[0].id;
  fillPlanSelects();
}

function fillPlanSelects() {
  const ps = $("plan");
  ps.replaceChildren(...plans.map((p) => new Option(L(p.title), p.id, false, p.id === state.plan)));
  const plan = plans.find((p) => p.id === state.plan);
  if (!plan.scenarios.some((s) => s.id === state.scenario)) state.scenario = plan.default_scenario;
  $("shipped").hidden = !plan.shipped_observed;
  if (!plan.shipped_observed && observedFile && observedFile.shipped) leaveReview();
  const ss = $("scenario");
  ss.replaceChildren(...plan.scenarios.map((s) => new Option(`${s.id} · ${L(s.title) || tr("plans")}`, s.id, false, s.id === state.scenario)));
}

async function loadKnobs() {
  detail = await api("GET", `/api/plan?id=${encodeURIComponent(state.plan)}&scenario=${encodeURIComponent(state.scenario)}`);
  knobByKey = {};
  for (const k of detail.knobs) knobByKey[k.key] = k;
  // A setting for another plan's indicator is dropped rather than sent.
  for (const key of Object.keys(state.settings)) {
    const id = key.split(".")[0];
    if (!detail.knobs.some((k) => k.id === id)) delete state.settings[key];
  }
  renderKnobs();
}

function knobValue(k) {
  const own = state.settings[k.key];
  if (own !== undefined) return own;
  // A setting may use the other kind (gdp.step); show the slider's default.
  return k.value;
}

function pct(k, v) { return Math.max(0, Math.min(1, (v - k.min) / (k.max - k.min))); }

function renderKnobs() {
  const main = [], other = [];
  const knobs = detail.knobs.slice().sort((a, b) => (a.no || 1e9) - (b.no || 1e9));
  for (const k of knobs) {
    const el = knobElement(k);
    (k.no > 0 || k.identity ? main : other).push(el);
  }
  $("knobs-main").replaceChildren(...main);
  $("knobs-other").replaceChildren(...other);
}

function knobElement(k) {
  const div = document.createElement("div");
  div.className = "knob";
  div.dataset.key = k.key;
  const id = "k-" + k.key.replace(/\./g, "-");
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = (k.no ? k.no + " " : "") + (k.binding ? "★" : "") + L(k.name) + " ";
  const unit = document.createElement("span");
  unit.className = "unit";
  unit.textContent = L(k.unit);
  label.append(unit);
  const track = document.createElement("div");
  track.className = "track";
  const range = document.createElement("input");
  range.type = "range"; range.id = id;
  range.min = k.min; range.max = k.max; range.step = k.step;
  range.value = knobValue(k);
  const marks = [];
  for (const [cls, v, name] of [["plan", k.plan, tr("planMark")], ["prev", k.previous, tr("prevMark")]]) {
    if (v === null) continue;
    const m = document.createElement("span");
    m.className = "mark " + cls;
    m.textContent = "▲";
    m.title = `${name}: ${fmt(v, 3)} ${L(k.unit)}`;
    // The thumb is 16px wide: its centre runs from 8px to width − 8px.
    m.style.left = `calc(8px + (100% - 16px) * ${pct(k, v)})`;
    marks.push(m);
  }
  const desc = [];
  if (k.plan !== null) desc.push(`${tr("planMark")} ${fmt(k.plan, 3)}`);
  if (k.previous !== null) desc.push(`${tr("prevMark")} ${fmt(k.previous, 3)}`);
  range.setAttribute("aria-description", desc.join(", "));
  track.append(range, ...marks);
  const val = document.createElement("input");
  val.type = "number"; val.step = "any"; val.className = "val";
  val.value = fmt(knobValue(k), 4);
  val.setAttribute("aria-label", L(k.name) + " " + L(k.unit));
  const reset = document.createElement("button");
  reset.type = "button"; reset.className = "reset"; reset.textContent = "↺";
  reset.title = tr("resetOne");
  reset.setAttribute("aria-label", tr("resetOne") + " " + L(k.name));
  div.append(label, track, val, reset);
  if (k.derived || k.identity) {
    const note = document.createElement("div");
    note.className = "note";
    note.textContent = k.derived ? tr("derived") : tr("identity");
    div.append(note);
  }
  if (k.derived && state.settings[k.key] === undefined) { range.disabled = true; val.disabled = true; }
  if (state.settings[k.key] !== undefined) div.classList.add("moved");
  const set = (v) => {
    if (!Number.isFinite(v)) return;
    state.settings[k.key] = v;
    div.classList.add("moved");
    changed();
  };
  range.addEventListener("input", () => { const v = parseFloat(range.value); val.value = fmt(v, 4); set(v); });
  val.addEventListener("change", () => { const v = parseFloat(val.value); range.value = v; set(v); });
  reset.addEventListener("click", () => {
    delete state.settings[k.key];
    div.classList.remove("moved");
    range.value = k.value; val.value = fmt(k.value, 4);
    changed();
  });
  return div;
}

function setKnob(key, v) {
  state.settings[key] = v;
  const div = document.querySelector(`.knob[data-key="${CSS.escape(key)}"]`);
  if (div) {
    div.classList.add("moved");
    div.querySelector("input[type=range]").value = v;
    div.querySelector(".val").value = fmt(v, 4);
  }
  changed();
}

// ---- results

function changed() {
  writeURL();
  clearTimeout(timer);
  // P(met) of a position the slider has left is moot: stop asking (the
  // server stops computing it when no one else waits for it).
  clearTimeout(simTimer);
  if (simCtl) { simCtl.abort(); simCtl = null; }
  timer = setTimeout(assess, 60);
}

async function fetchReview(signal) {
  let q = query(), body = observedFile.data;
  if (observedFile.shipped) q += "&shipped=1";
  else q += "&name=" + encodeURIComponent(observedFile.name);
  const r = await fetch("/api/review?" + q, { method: "POST", body, signal, headers: { "Content-Type": "application/octet-stream" } });
  const data = await r.json();
  if (!r.ok) throw new Error(errorText(data) || r.statusText);
  return data;
}

function renderReview(rv) {
  $("review").hidden = false;
  $("review-h").textContent = tr("reviewTitle")(rv.file, rv.as_of);
  $("synthetic").hidden = !rv.synthetic;
  const pct = (v) => (v === null ? "—" : fmt(100 * v, 0) + "%");
  const trs = rv.rows.map((r) => {
    const row = document.createElement("tr");
    row.dataset.key = r.key;
    const cls = { achieved_early: "met", ahead: "met", on_schedule: "met", lagging: "missed" }[r.category] || "other";
    // An index chained from growth rates says so (118.128 is no GDP level).
    const idx = r.index_base ? tr("indexOf")(r.index_base) : "";
    const obs = r.observed === null ? "—" : fmt(r.observed, 3) + idx + (r.observed_year ? ` (${r.observed_year})` : "");
    const cells = [[r.no || "", ""], [(r.at_risk ? "!" : "") + (r.binding ? "★" : "") + L(r.name), "name"], [r.year, ""], [goalText(r), "goal"],
      [obs, "obs"], [pct(r.time_elapsed), ""], [pct(r.task_done), ""], [L(r.category_label), "verdict " + cls],
      [fmt(r.required_rate_remaining_pct, 2), ""], [L(r.reason), "name"]];
    for (const [v, cl] of cells) {
      const td = document.createElement("td");
      td.textContent = v;
      if (cl) td.className = cl;
      row.append(td);
    }
    return row;
  });
  $("review-table").tBodies[0].replaceChildren(...trs);
}

async function assess() {
  if (assessCtl) assessCtl.abort();
  assessCtl = new AbortController();
  try {
    let res;
    if (observedFile) {
      const rv = await fetchReview(assessCtl.signal);
      renderReview(rv);
      res = rv.assess;
    } else {
      $("review").hidden = true;
      $("chart-progress").replaceChildren();
      res = await api("POST", "/api/assess", { ...body(), charts: true }, assessCtl.signal);
    }
    showError(null);
    rows = res.rows;
    renderTable();
    for (const [id, svg] of Object.entries(res.charts || {})) {
      const box = $("chart-" + id);
      if (!box) continue;
      // Parsed as XML (no script runs: the page's policy allows only its own
      // script file), then placed inline so that it uses the page's font.
      const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
      const el = doc.documentElement;
      if (el.nodeName !== "svg") continue;
      el.removeAttribute("width"); el.removeAttribute("height");
      box.replaceChildren(document.importNode(el, true));
      box.setAttribute("aria-label", tr(id + "Cap"));
    }
    clearTimeout(simTimer);
    if (observedFile) {
      for (const td of document.querySelectorAll("td.pmet")) { td.classList.remove("pending"); td.textContent = "—"; td.title = tr("noSim"); }
    } else {
      simTimer = setTimeout(simulate, 40);
    }
  } catch (e) { showError(e); }
}

async function simulate() {
  if (simCtl) simCtl.abort();
  simCtl = new AbortController();
  for (const td of document.querySelectorAll("td.pmet")) td.classList.add("pending");
  try {
    const res = await api("POST", "/api/simulate", body(), simCtl.signal);
    const byRef = {};
    for (const r of res.rows) byRef[r.key] = r;
    for (const tr_ of document.querySelectorAll("#table tbody tr")) {
      const r = byRef[tr_.dataset.key];
      const td = tr_.querySelector("td.pmet");
      td.classList.remove("pending");
      td.textContent = r && r.stochastic === false ? tr("notModelled") : r && r.p_met !== null ? fmt(100 * r.p_met, 1) + "%" : "—";
      td.title = r && r.stochastic === false ? tr("notModelledWhy") : r && r.p_met !== null ? `±${fmt(100 * r.p_se, 1)} (${res.draws})` : "";
    }
  } catch (e) { showError(e); }
}

function verdictOf(r) {
  if (r.status === "delegated") return ["other", tr("delegated")];
  if (r.status !== "assessed") return ["other", tr("nodata")];
  return r.met ? ["met", "✓ " + tr("met")] : ["missed", "✗ " + tr("missed")];
}

function renderTable() {
  const c = { met: 0, missed: 0, nodata: 0, delegated: 0 };
  const trs = rows.map((r) => {
    const row = document.createElement("tr");
    row.dataset.ref = r.ref;
    row.dataset.key = r.key;
    row.tabIndex = 0;
    const [cls, label] = verdictOf(r);
    c[{ met: "met", missed: "missed" }[cls] || (r.status === "delegated" ? "delegated" : "nodata")]++;
    const unit = r.rate_unit ? L(r.rate_unit) : "";
    const pace = (v) => (v === null ? "—" : fmt(v, 2) + (unit.startsWith("%") ? "%" : ""));
    const cells = [
      [r.no || "", ""], [(r.binding ? "★" : "") + L(r.name), "name"], [r.year, ""], [goalText(r), "goal"],
      [r.relative_to ? (r.projected === null ? "—" : (r.projected > 0 ? "+" : "") + fmt(r.projected, 2) + (state.lang === "en" ? " pp" : "个百分点"))
        : r.kind === "growth" ? pace(r.projected) : fmt(r.projected, 3), ""], [label, "verdict " + cls], [fmt(r.margin, 3), ""],
      [pace(r.required_rate_pct), ""], [pace(r.assumed_rate_pct), ""], [pace(r.historical_rate_pct), ""], ["…", "pmet pending"],
    ];
    for (const [v, cl] of cells) {
      const td = document.createElement("td");
      td.textContent = v;
      if (cl) td.className = cl;
      row.append(td);
    }
    if (r.reason) row.title = L(r.reason);
    if (r.key === solveKey) row.classList.add("selected");
    if (r.solvable) {
      const open = () => openSolve(r);
      row.addEventListener("click", open);
      row.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    } else {
      row.classList.add("nosolve");
    }
    return row;
  });
  $("table").tBodies[0].replaceChildren(...trs);
  $("summary").textContent = tr("summary")(c);
}

// ---- solve

function openSolve(r) {
  solveRef = r.ref;
  solveKey = r.key;
  for (const row of document.querySelectorAll("#table tbody tr")) row.classList.toggle("selected", row.dataset.key === r.key);
  $("solve").hidden = false;
  $("solve-h").textContent = tr("solveTitle")(L(r.name), r.year);
  const opts = detail.knobs.filter((k) => !k.derived || state.settings[k.key] !== undefined);
  let def = opts.find((k) => k.id === r.id && !k.derived);
  if (!def) def = opts.find((k) => k.identity) || opts[0];
  $("vary").replaceChildren(...opts.map((k) => new Option(`${L(k.name)} (${k.key})`, k.key, false, k === def)));
  $("solve-out").textContent = "";
  $("solve-apply").hidden = true;
  $("vary").focus();
  $("solve").scrollIntoView({ block: "nearest" });
}

async function solve() {
  const vary = $("vary").value;
  $("solve-out").textContent = tr("working");
  $("solve-apply").hidden = true;
  try {
    const res = await api("POST", "/api/solve", { ...body(), target: solveRef, vary });
    const k = knobByKey[vary];
    if (res.found) {
      solveValue = { key: vary, value: Number(res.value.toFixed(6)) };
      $("solve-out").textContent = tr("found")(L(k.name), fmt(res.value, 4), L(k.unit));
      $("solve-apply").hidden = false;
    } else {
      $("solve-out").textContent = L(res.reason);
    }
  } catch (e) { $("solve-out").textContent = e.message; }
}

function leaveReview() {
  observedFile = null;
  $("observed").value = "";
  $("leave-review").hidden = true;
}

// ---- start

async function reload() {
  try {
    fillPlanSelects();
    await loadKnobs();
    writeURL();
    await assess();
  } catch (e) { showError(e); }
}

document.addEventListener("DOMContentLoaded", async () => {
  readURL();
  applyTexts();
  $("plan").addEventListener("change", () => { state.plan = $("plan").value; state.settings = {}; state.scenario = ""; reload(); });
  $("scenario").addEventListener("change", () => { state.scenario = $("scenario").value; reload(); });
  $("reset").addEventListener("click", () => { state.settings = {}; reload(); });
  $("lang").addEventListener("click", () => { state.lang = state.lang === "en" ? "zh" : "en"; applyTexts(); reload(); });
  $("solve-go").addEventListener("click", solve);
  $("observed").addEventListener("change", async () => {
    const f = $("observed").files[0];
    if (!f) return;
    if (f.size > 10 * 1024 * 1024) { showError(new Error(f.name + ": larger than 10 MB")); return; }
    observedFile = { name: f.name, data: await f.arrayBuffer() };
    $("leave-review").hidden = false;
    assess();
  });
  $("shipped").addEventListener("click", () => {
    observedFile = { name: "shipped", shipped: true, data: new ArrayBuffer(0) };
    $("observed").value = "";
    $("leave-review").hidden = false;
    assess();
  });
  $("leave-review").addEventListener("click", () => { leaveReview(); assess(); });
  $("solve-apply").addEventListener("click", () => { if (solveValue) setKnob(solveValue.key, solveValue.value); });
  try {
    await loadPlans();
    await reload();
  } catch (e) { showError(e); }
});
