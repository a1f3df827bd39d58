/** The report's stylesheet: a plain, print-friendly page that reads like a short deck. */
export const REPORT_STYLE = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #e0e0e0; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f6f4; color: var(--ink); font: 16px/1.5 "DejaVu Sans", Verdana, "Segoe UI", Helvetica, Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 32px 24px 64px; }
header.answer, section { background: white; border: 1px solid var(--rule); border-radius: 6px; padding: 28px 32px; margin: 0 0 28px; }
.eyebrow { margin: 0 0 8px; color: var(--muted); font-size: 14px; letter-spacing: .02em; }
h1 { font-size: 30px; line-height: 1.25; margin: 0 0 14px; }
h2 { font-size: 22px; margin: 0 0 6px; }
h2 .number { display: inline-block; min-width: 1.6em; color: var(--muted); font-weight: normal; }
h3 { font-size: 17px; margin: 24px 0 8px; }
.verdict { font-size: 19px; margin: 0 0 20px; }
.basis, .reading, .colophon { color: var(--muted); margin: 0 0 12px; }
table.key-figures { border-collapse: collapse; width: 100%; margin: 0 0 16px; font-size: 15px; }
.key-figures th, .key-figures td { text-align: left; padding: 6px 12px 6px 0; border-bottom: 1px solid var(--rule); vertical-align: top; }
.key-figures thead th { font-size: 15px; border-bottom: 2px solid var(--ink); }
.key-figures tbody th { font-weight: normal; color: var(--muted); width: 40%; }
.valuation-cross tbody th { width: 22%; }
.valuation-cross td { font-size: 14px; }
.valuation-cross td.as-run { font-weight: 600; }
section.analysis .verdict { font-size: 17px; margin: 0 0 14px; }
p.answer { margin: 0 0 10px; }
p.answer strong { display: block; }
.table-scroll { max-height: 560px; overflow: auto; border: 1px solid var(--rule); }
table.points { border-collapse: collapse; width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
.points th, .points td { padding: 4px 12px; border-bottom: 1px solid var(--rule); text-align: right; white-space: nowrap; }
.points thead th { position: sticky; top: 0; background: white; border-bottom: 2px solid var(--ink); }
.points th:last-child, .points td:last-child { text-align: left; }
.points td.open { color: var(--muted); font-style: italic; }
.points tr.base td { font-weight: bold; }
figure.chart { margin: 12px 0 0; max-width: 100%; }
figure.chart .vega-embed { display: block; max-width: 100%; }
figure.chart img.fallback, figure.chart .vega-embed svg { display: block; max-width: 100%; height: auto; }
nav.contents ol { margin: 0; padding-left: 1.6em; columns: 2 22em; column-gap: 32px; }
nav.contents li { margin: 0 0 4px; break-inside: avoid; }
nav.contents a { color: var(--ink); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 6px 20px; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
pre.scenario { background: #f7f7f7; border: 1px solid var(--rule); padding: 12px 16px; overflow-x: auto; font-size: 13px; line-height: 1.45; white-space: pre; }
details summary { cursor: pointer; color: var(--muted); margin: 12px 0; }
@page { size: landscape; margin: 12mm; }
@media print {
  body { background: white; font-size: 12px; }
  main { max-width: none; padding: 0; }
  header.answer, section, nav.contents { border: none; padding: 0; margin: 0 0 16px; }
  section.evidence { break-before: page; break-inside: avoid; }
  h2 { break-after: avoid; }
  figure.chart { break-inside: avoid; }
  figure.chart img.fallback, figure.chart .vega-embed svg { width: auto; max-height: 140mm; }
  .vega-embed details, details summary { display: none; }
  .table-scroll { max-height: none; overflow: visible; }
  pre.scenario { white-space: pre-wrap; overflow-wrap: anywhere; }
}
`;
