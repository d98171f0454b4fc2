/**
 * The review page: one self-contained document (no network, no CDN). It shows the text with each
 * suggestion inline (deleted and inserted text), the rule, message and category of the selected
 * one, a live preview of the result and of the diff, and keyboard shortcuts.
 */
export const REVIEW_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>postedit review</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
:root{--del:#ffd7d5;--ins:#d3f5d3;--sel:#2f6fed;--muted:#667}
*{box-sizing:border-box}body{margin:0;font:15px/1.55 system-ui,sans-serif;color:#1d1d1f;display:grid;grid-template-columns:16rem 1fr 24rem;height:100vh}
nav,aside{overflow:auto;padding:1rem;border-right:1px solid #e3e3e8;background:#fafafc}aside{border-right:0;border-left:1px solid #e3e3e8}
main{overflow:auto;padding:1.5rem 2rem}h1{font-size:1rem;margin:0 0 1rem}h2{font-size:.95rem;margin:1.2rem 0 .4rem}
nav button{display:block;width:100%;text-align:left;border:0;background:none;padding:.35rem .5rem;border-radius:6px;cursor:pointer;font:inherit}
nav button.current{background:#e6ecfb}nav small{color:var(--muted)}
#doc{white-space:pre-wrap;max-width:48rem}
.s{border-radius:4px;cursor:pointer;padding:0 1px}.s.selected{outline:2px solid var(--sel);outline-offset:1px}
.s del{background:var(--del);text-decoration:line-through}.s ins{background:var(--ins);text-decoration:none}
.s.accepted del{display:none}.s.accepted ins{background:#e8f8e8}.s.rejected ins,.s.superseded ins{display:none}
.s.rejected del,.s.superseded del{background:none;text-decoration:none;border-bottom:1px dotted #999}
.card{border:1px solid #e3e3e8;border-radius:10px;padding:.8rem;background:#fff}.card .rule{font-family:ui-monospace,monospace;font-size:.85rem}
.badge{display:inline-block;font-size:.75rem;padding:0 .4rem;border-radius:8px;background:#eee;margin-right:.3rem}
.error{background:#ffe1e1}.warning{background:#fff2c6}.suggestion{background:#dcebff}
.actions{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.6rem}.actions button{font:inherit;font-size:.85rem;padding:.25rem .6rem;border:1px solid #ccd;border-radius:6px;background:#fff;cursor:pointer}
kbd{font:12px ui-monospace,monospace;border:1px solid #ccd;border-bottom-width:2px;border-radius:4px;padding:0 .25rem;background:#fff}
pre{white-space:pre-wrap;font:12px/1.45 ui-monospace,monospace;background:#f6f6f8;padding:.6rem;border-radius:8px;max-height:16rem;overflow:auto}
#status{color:var(--muted);font-size:.85rem;min-height:1.2rem}input.edit{width:100%;font:inherit;padding:.3rem}
.diff-add{color:#137333}.diff-del{color:#b3261e}
</style></head><body>
<nav><h1>postedit review</h1><div id="files"></div>
<h2>Keys</h2><div style="font-size:.85rem;line-height:1.9">
<kbd>j</kbd>/<kbd>k</kbd> next / previous<br><kbd>y</kbd> accept · <kbd>n</kbd> reject · <kbd>e</kbd> edit<br>
<kbd>1</kbd>–<kbd>9</kbd> accept alternative<br><kbd>a</kbd>/<kbd>d</kbd> accept / reject rule<br><kbd>u</kbd> undo · <kbd>s</kbd> save<br><kbd>p</kbd> export patch · <kbd>f</kbd> next file</div></nav>
<main><div id="doc" aria-live="polite"></div></main>
<aside><div id="card" class="card"></div><div id="status"></div>
<h2>Result</h2><pre id="result"></pre><h2>Diff</h2><pre id="diff"></pre></aside>
<script>
"use strict";
let files = [], fileIndex = 0, selected = 0;
const $ = (id) => document.getElementById(id);
const esc = (t) => t.replace(/[&<>"]/g, (c) => ({"&":"&amp;","<":"&lt;",">":"&gt;","\\"":"&quot;"})[c]);
async function api(path, payload) {
  const response = await fetch(path, payload ? {method: "POST", headers: {"content-type": "application/json", "x-postedit": "1"}, body: JSON.stringify(payload)} : {});
  if (!response.ok) throw new Error((await response.json()).error);
  return response.json();
}
function file() { return files[fileIndex]; }
function render() {
  $("files").innerHTML = files.map((f, i) => {
    const pending = f.suggestions.filter((s) => s.state === "pending").length;
    return '<button data-file="' + i + '" class="' + (i === fileIndex ? "current" : "") + '">' + esc(f.path) + '<br><small>' + pending + " pending of " + f.suggestions.length + "</small></button>";
  }).join("");
  const f = file(); if (!f) return;
  let html = "", cursor = 0;
  f.suggestions.forEach((s, i) => {
    if (s.start < cursor) return;
    const ins = s.state === "accepted" ? (s.replacement ?? s.expected[0]) : s.expected[0];
    html += esc(f.text.slice(cursor, s.start)) + '<span class="s ' + s.state + (i === selected ? " selected" : "") + '" data-index="' + i + '" title="' + esc(s.rule + ": " + s.reason) + '"><del>' + esc(s.actual) + "</del><ins>" + esc(ins) + "</ins></span>";
    cursor = s.end;
  });
  $("doc").innerHTML = html + esc(f.text.slice(cursor));
  const s = f.suggestions[selected];
  $("card").innerHTML = !s ? "No suggestions in this file." :
    '<div><span class="badge ' + s.level + '">' + s.level + '</span><span class="badge">' + esc(s.category) + '</span><span class="badge">' + s.state + '</span></div>' +
    '<div class="rule">' + esc(s.rule) + '</div><p>' + esc(s.reason) + '</p>' +
    '<div><del>' + esc(s.actual) + '</del> → ' + s.expected.map((e, i) => '<button class="alt" data-alt="' + i + '">' + (i + 1) + ") " + esc(e) + "</button>").join(" ") + "</div>" +
    '<div class="actions"><button data-do="accept">Accept (y)</button><button data-do="reject">Reject (n)</button><button data-do="edit">Edit (e)</button><button data-do="accept-rule">Accept rule (a)</button><button data-do="reject-rule">Reject rule (d)</button><button data-do="undo">Undo (u)</button><button data-do="save">Save (s)</button><button data-do="patch">Export patch (p)</button></div>';
  $("result").textContent = f.result;
  $("diff").innerHTML = f.diff.split("\\n").map((l) => l.startsWith("+") && !l.startsWith("+++") ? '<span class="diff-add">' + esc(l) + "</span>" : l.startsWith("-") && !l.startsWith("---") ? '<span class="diff-del">' + esc(l) + "</span>" : esc(l)).join("\\n") || "(no changes)";
  const el = document.querySelector(".s.selected"); if (el) el.scrollIntoView({block: "nearest"});
}
function move(step) {
  const n = file().suggestions.length; if (!n) return;
  selected = (selected + step + n) % n; render();
}
function nextPending() {
  const list = file().suggestions;
  for (let k = 1; k <= list.length; k++) { const i = (selected + k) % list.length; if (list[i].state === "pending") { selected = i; return; } }
}
// Keys can come faster than answers: decisions run one after another, each on the state the
// previous one left.
let queue = Promise.resolve();
function later(action) { queue = queue.then(action).catch((error) => { $("status").textContent = String(error); }); return queue; }
function decide(verdict, replacement) { return later(() => decideNow(verdict, replacement)); }
async function decideNow(verdict, replacement) {
  const s = file().suggestions[selected]; if (!s && verdict !== "undo") return;
  files[fileIndex] = await api("/api/decide", {file: fileIndex, suggestion: s ? s.id : -1, verdict, replacement});
  if (verdict === "undo") selected = Math.max(0, file().suggestions.findIndex((x) => x.id === files[fileIndex].focus));
  else nextPending();
  render(); $("status").textContent = verdict + (replacement ? ": " + replacement : "");
}
function save() { return later(saveNow); }
async function saveNow() {
  const r = await api("/api/save", {file: fileIndex});
  $("status").textContent = r.written ? "Saved " + file().path + (r.backup ? " (original in " + r.backup + ")" : "") : "Nothing to save";
}
function edit() {
  const s = file().suggestions[selected]; if (!s) return;
  $("card").insertAdjacentHTML("beforeend", '<input class="edit" id="edit" value="' + esc(s.replacement ?? s.expected[0]) + '">');
  const input = $("edit"); input.focus(); input.select();
  input.addEventListener("keydown", (e) => { e.stopPropagation(); if (e.key === "Enter") decide("edit", input.value); if (e.key === "Escape") render(); });
}
document.addEventListener("keydown", (e) => {
  if (e.target instanceof HTMLInputElement || e.metaKey || e.ctrlKey) return;
  const alt = /^[1-9]$/.test(e.key) ? file().suggestions[selected]?.expected[Number(e.key) - 1] : undefined;
  if (alt !== undefined) return void decide("accept", alt);
  const actions = {j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1), y: () => decide("accept"), n: () => decide("reject"),
    e: edit, a: () => decide("accept-rule"), d: () => decide("reject-rule"), u: () => decide("undo"), s: save, p: () => { location.href = "/api/patch?file=" + fileIndex; },
    f: () => later(() => { fileIndex = (fileIndex + 1) % files.length; selected = 0; render(); })};
  const action = actions[e.key]; if (action) { e.preventDefault(); action(); }
});
document.addEventListener("click", (e) => {
  const t = e.target.closest("[data-index],[data-file],[data-do],[data-alt]"); if (!t) return;
  if (t.dataset.index) { selected = Number(t.dataset.index); render(); }
  else if (t.dataset.file) { fileIndex = Number(t.dataset.file); selected = 0; render(); }
  else if (t.dataset.alt) decide("accept", file().suggestions[selected].expected[Number(t.dataset.alt)]);
  else ({accept: () => decide("accept"), reject: () => decide("reject"), edit, "accept-rule": () => decide("accept-rule"), "reject-rule": () => decide("reject-rule"), undo: () => decide("undo"), save, patch: () => { location.href = "/api/patch?file=" + fileIndex; }})[t.dataset.do]();
});
api("/api/state").then((state) => { files = state.files; render(); }).catch((error) => { $("status").textContent = String(error); });
</script></body></html>
`
