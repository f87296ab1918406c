"""The page's fixed stylesheet and script, inlined into every report.

Why fixed strings: they never contain data, so the Content-Security-Policy can
allow exactly these two by hash and nothing else; all data reaches the script
through the JSON island and is put into the page with ``textContent`` only.
"""

from __future__ import annotations

CSS = """
:root {
  --fg: #1d232b; --muted: #5f6b7a; --bg: #ffffff; --panel: #f6f7f9; --line: #d9dee5;
  --accent: #2b5d9b;
  --agreed: #1b7f3b; --agreed-bg: #e5f4ea;
  --conflicting: #b42318; --conflicting-bg: #fdeceb;
  --refined: #1d5fb4; --refined-bg: #e7f0fb;
  --single: #667085; --single-bg: #f0f1f3;
  --mark: #ffe58a;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Noto Sans", "Liberation Sans", sans-serif;
}
header.top { background: #17202c; color: #fff; padding: 14px 24px; }
header.top h1 { margin: 0; font-size: 20px; font-weight: 600; }
header.top p { margin: 2px 0 0; color: #b8c2cf; font-size: 13px; }
main { max-width: 1280px; margin: 0 auto; padding: 16px 24px 64px; }
body.panel-open main { margin-right: min(460px, 40vw); }
h2 { font-size: 22px; margin: 28px 0 4px; line-height: 1.25; }
h3 { font-size: 16px; margin: 22px 0 8px; }
a { color: var(--accent); }
small { display: block; color: var(--muted); font-size: 12px; }
.muted { color: var(--muted); }
.mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px;
  overflow-wrap: anywhere; }
.scroll { overflow-x: auto; }
.legend { border: 1px solid var(--line); border-radius: 8px; padding: 8px 12px; margin: 12px 0;
  font-size: 13px; background: var(--panel); }
.legend-items { display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; margin: 0;
  padding: 0; }
.legend p { margin: 4px 0 0; color: var(--muted); }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-right: 6px;
  vertical-align: -1px; }
.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.stat { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.stat-value { font-size: 20px; font-weight: 600; }
.stat.wide { grid-column: span 2; }
.stat-label { color: var(--muted); font-size: 13px; }
.story-index li { margin: 3px 0; }
.count { margin-right: 6px; font-size: 13px; }
.story { border-top: 3px solid #17202c; margin-top: 36px; }
.story-meta { color: var(--muted); margin: 0 0 8px; }
.callout { border-left: 4px solid var(--conflicting); background: var(--conflicting-bg);
  padding: 4px 14px 8px; border-radius: 0 8px 8px 0; }
.callout h3 { margin-top: 8px; color: var(--conflicting); }
.callout ul { margin: 0; padding-left: 18px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 6px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--panel); font-weight: 600; }
table.plain { width: 100%; }
table.matrix th[scope=row] { min-width: 260px; max-width: 380px; background: #fff;
  font-weight: normal;
  position: sticky; left: 0; z-index: 1; }
table.matrix td { min-width: 120px; }
td.empty { color: #b0b7c3; text-align: center; }
.fact-label { font-weight: 600; }
.expl { color: var(--muted); }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px;
  border-radius: 9px; color: #fff; white-space: nowrap; }
.st-agreed.badge, .st-agreed.swatch { background: var(--agreed); }
.st-conflicting.badge, .st-conflicting.swatch { background: var(--conflicting); }
.st-refined.badge, .st-refined.swatch { background: var(--refined); }
.st-single_source.badge, .st-single_source.swatch { background: var(--single); }
td.st-agreed { background: var(--agreed-bg); }
td.st-conflicting { background: var(--conflicting-bg); }
td.st-refined { background: var(--refined-bg); }
td.st-single_source { background: var(--single-bg); }
.claim { font: inherit; color: inherit; background: none; border: 0; padding: 0;
  margin: 0 2px 2px 0; cursor: pointer; text-align: left; text-decoration: underline dotted 1px;
  text-underline-offset: 3px; }
.claim:hover, .claim:focus-visible { text-decoration-style: solid; outline: 2px solid var(--accent);
  outline-offset: 1px; border-radius: 2px; }
.claim small { display: inline; margin-left: 4px; }
button.claim.st-agreed { text-decoration-color: var(--agreed); }
button.claim.st-conflicting { text-decoration-color: var(--conflicting); color: var(--conflicting);
  font-weight: 600; }
button.claim.st-refined { text-decoration-color: var(--refined); }
.event-meta button.claim, .who button.claim, .entities button.claim {
  border: 1px solid var(--line); border-radius: 10px; padding: 0 7px; text-decoration: none;
  background: #fff; font-size: 12px; }
.claim.missing { cursor: default; text-decoration: none; }
ul.events, ul.single { padding-left: 18px; }
ul.events li, ul.single li { margin: 0 0 10px; }
.event-meta { font-size: 13px; }
details { margin: 10px 0; }
summary { cursor: pointer; color: var(--accent); }
ol.timeline { list-style: none; padding: 0; margin: 10px 0 0; font-size: 14px; }
.tl-entry { display: grid; grid-template-columns: 34px 140px 1fr; gap: 2px 10px;
  padding: 5px 0; border-bottom: 1px solid #eef0f3; }
.tl-entry .num { color: var(--muted); text-align: right; }
.tl-entry .when { font-weight: 600; }
.tl-entry .who { grid-column: 3; }
svg { font-family: inherit; }
svg.tl { display: block; }
svg.tl.fit { max-width: 100%; height: auto; }
.tl-lane.l0 { fill: #fafbfc; } .tl-lane.l1 { fill: #f1f3f6; }
.tl-lane-label { font-size: 12px; fill: var(--fg); }
.tl-col { fill: rgba(43, 93, 155, 0.05); stroke: rgba(43, 93, 155, 0.15); }
.tl-axis { stroke: var(--muted); stroke-width: 1; }
.tl-date { font-size: 11px; fill: var(--fg); }
.tl-gap { font-size: 10px; fill: var(--muted); font-style: italic; }
.tl-num { font-size: 10px; fill: var(--muted); }
.tl-link { stroke: var(--accent); stroke-width: 2; }
.tl-dot { fill: var(--accent); stroke: #fff; stroke-width: 1.5; cursor: pointer; }
.tl-dot.hollow { fill: #fff; stroke: var(--accent); stroke-width: 2.5; }
.tl-dot:hover, .place-dot:hover { stroke: var(--conflicting); stroke-width: 3; }
svg.places { display: block; max-width: 100%; height: auto; background: #f7fafc;
  border: 1px solid var(--line); border-radius: 8px; }
.grid { stroke: #dfe5ec; stroke-width: 1; }
.grid-label { font-size: 9px; fill: var(--muted); }
.place-dot { fill: var(--conflicting); stroke: #fff; stroke-width: 1.5; cursor: pointer; }
.place-label { font-size: 11px; fill: var(--fg); }
.chart { margin: 6px 0; }
tr.duplicates > td { background: var(--panel); }
.problem { color: var(--conflicting); }
#panel { position: fixed; top: 0; right: 0; bottom: 0; width: min(460px, 40vw);
  background: #fff; border-left: 1px solid var(--line); box-shadow: -4px 0 16px rgba(0,0,0,.08);
  padding: 14px 18px; overflow-y: auto; z-index: 10; }
#panel[hidden] { display: none; }
#panel h2 { font-size: 17px; margin: 6px 30px 4px 0; }
#panel .panel-close { position: absolute; top: 8px; right: 10px; font-size: 22px; border: 0;
  background: none; cursor: pointer; color: var(--muted); }
#panel .panel-body { white-space: pre-wrap; font-size: 15px; line-height: 1.6;
  border-left: 3px solid var(--line); padding-left: 12px; margin: 12px 0; }
#panel mark { background: var(--mark); padding: 1px 0; border-radius: 2px; }
#panel .panel-toggle { font: inherit; font-size: 13px; border: 1px solid var(--line);
  border-radius: 6px; background: var(--panel); padding: 3px 10px; cursor: pointer; }
footer { color: var(--muted); font-size: 12px; margin-top: 40px; }
@media (max-width: 800px) {
  main { padding: 12px; }
  body.panel-open main { margin-right: 0; margin-bottom: 55vh; }
  #panel { top: auto; left: 0; width: auto; height: 55vh; border-left: 0;
    border-top: 1px solid var(--line); }
  .tl-entry { grid-template-columns: 28px 1fr; }
  svg.tl.fit { max-width: none; }
  .tl-entry .what, .tl-entry .who { grid-column: 2; }
  table.matrix th[scope=row] { min-width: 180px; }
}
@media print { #panel, .legend p { display: none; } body.panel-open main { margin-right: 0; } }
"""

#: Opens the side panel on a claim. Offsets in the data are Unicode code points (Python
#: string indices), so the text is split with Array.from before slicing, never with
#: String.slice, which counts UTF-16 units and would drift after an emoji.
JS = """
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("corroborate-data").textContent);
  var panel = document.getElementById("panel");
  var codePoints = {};
  var current = null;
  var CONTEXT = 600;

  function chars(n) {
    if (!codePoints[n]) { codePoints[n] = Array.from(data.articles[n].text); }
    return codePoints[n];
  }
  function piece(cs, from, to) { return cs.slice(from, to).join(""); }
  function paragraph(cs, start, end) {
    var from = start, to = end;
    while (from > 0 && cs[from - 1] !== "\\n" && start - from < CONTEXT) { from--; }
    while (to < cs.length && cs[to] !== "\\n" && to - end < CONTEXT) { to++; }
    return [from, to];
  }
  function setText(selector, value) {
    var node = panel.querySelector(selector);
    node.textContent = value || "";
    node.hidden = !value;
  }
  function fill(whole) {
    var article = data.articles[current.a];
    var cs = chars(current.a);
    var start = Math.min(current.s, cs.length), end = Math.min(current.e, cs.length);
    var range = whole ? [0, cs.length] : paragraph(cs, start, end);
    var body = panel.querySelector(".panel-body");
    body.textContent = "";
    var cutBefore = range[0] > 0 && cs[range[0] - 1] !== "\\n";
    var cutAfter = range[1] < cs.length && cs[range[1]] !== "\\n";
    var before = (cutBefore ? "\\u2026" : "") + piece(cs, range[0], start);
    var after = piece(cs, end, range[1]) + (cutAfter ? "\\u2026" : "");
    body.appendChild(document.createTextNode(before));
    var mark = null;
    if (end > start) {
      mark = document.createElement("mark");
      mark.textContent = piece(cs, start, end);
      body.appendChild(mark);
    }
    body.appendChild(document.createTextNode(after));
    setText(".panel-title", article.title || article.id);
    setText(".panel-meta", [article.outlet, article.language, article.published, article.id]
      .filter(Boolean).join(" \\u00b7 "));
    setText(".panel-url", article.url || article.source);
    var toggle = panel.querySelector(".panel-toggle");
    toggle.textContent = whole ? "Show only the paragraph" : "Show the whole article";
    toggle.hidden = range[0] === 0 && range[1] === cs.length && !whole;
    current.whole = whole;
    panel.hidden = false;
    document.body.classList.add("panel-open");
    if (mark) { mark.scrollIntoView({block: "center"}); } else { panel.scrollTop = 0; }
  }
  function open(target) {
    current = {a: +target.getAttribute("data-a"), s: +target.getAttribute("data-s"),
               e: +target.getAttribute("data-e"), whole: false};
    if (!data.articles[current.a]) { return; }
    fill(current.s === current.e);
  }
  function close() {
    panel.hidden = true;
    document.body.classList.remove("panel-open");
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-a]") : null;
    if (target) { event.preventDefault(); open(target); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !panel.hidden) { close(); }
  });
  panel.querySelector(".panel-close").addEventListener("click", close);
  panel.querySelector(".panel-toggle").addEventListener("click", function () {
    if (current) { fill(!current.whole); }
  });
}());
"""
