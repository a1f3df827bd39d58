/**
 * The parts every expansim report page shares: one self-contained HTML file
 * whose Content-Security-Policy forbids every network load and allows the
 * inlined vega, vega-lite and vega-embed scripts by hash; chart sections
 * (interactive over their pre-rendered SVG); the run's facts; the scenario.
 * Pure: text in, text out.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { legendName, STRATEGY_SHORT_NAMES, strategyScale, type ChartStrategy } from '../charts/chart-theme.ts';
import { STRATEGIES } from '../scenario/vocabulary.ts';
import type { KeyFigure } from './report-headline.ts';
import { escapeHtml, jsonForScript } from './escape-html.ts';
import { REPORT_STYLE } from './report-style.ts';
import type { VegaBundles } from './vega-bundles.ts';

export interface ReportChart {
  name: string;
  heading: string;
  reading: string;
  /** The chart's finding (its title), for the fallback image's alt text. */
  title: string;
  spec: unknown;
  svg: string;
  /** The chart at 2×, for the deck. */
  png: Uint8Array;
}

/** Embeds every chart over its fallback image; on failure the image stays and the error is logged. */
const EMBED_SCRIPT = `(function () {
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  var options = { renderer: 'svg', actions: false, ast: true };
  Object.keys(specs).forEach(function (name) {
    var container = document.getElementById('chart-' + name);
    var target = document.createElement('div');
    container.appendChild(target);
    vegaEmbed(target, specs[name], options).then(function () {
      var fallback = container.querySelector('.fallback');
      if (fallback) fallback.remove();
      container.setAttribute('data-rendered', 'true');
    }).catch(function (error) {
      target.remove();
      container.setAttribute('data-rendered', 'failed');
      console.error('expansim: chart ' + name + ' could not be drawn: ' + error);
    });
  });
})();`;

function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Guards against a bundle that would end its own script element early. */
function inlineScript(text: string): string {
  if (/<\/script/i.test(text)) throw new Error('an inlined script contains "</script" and would break the report');
  return `<script>${text}</script>`;
}

function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}

/** A numbered section: the question, how to read the chart, and the chart over its SVG fallback. */
export function chartSection(chart: ReportChart, index: number): string {
  const id = escapeHtml(chart.name);
  return `<section class="evidence" aria-labelledby="heading-${id}">
<h2 id="heading-${id}"><span class="number">${index + 1}</span>${escapeHtml(chart.heading)}</h2>
<p class="reading">${escapeHtml(chart.reading)}</p>
<figure class="chart" id="chart-${id}"><img class="fallback" alt="${escapeHtml(chart.title)}" src="${svgDataUrl(chart.svg)}"></figure>
</section>`;
}

/** The report's sections as numbered links, so a 10,000-pixel page can be walked like a deck. */
export function tableOfContents(entries: readonly { id: string; text: string }[]): string {
  return `<nav class="contents" aria-labelledby="heading-contents">
<h2 id="heading-contents">Contents</h2>
<ol>${entries.map((e) => `<li><a href="#${escapeHtml(e.id)}">${escapeHtml(e.text)}</a></li>`).join('')}</ol>
</nav>`;
}

/** The contents entries of the chart sections, in order. */
export function chartContents(charts: readonly ReportChart[]): { id: string; text: string }[] {
  return charts.map((c) => ({ id: `heading-${c.name}`, text: c.heading }));
}

const DEFAULT_PLANS: ChartStrategy[] = STRATEGIES.map((key) => ({ key, label: STRATEGY_SHORT_NAMES[key] }));

/** A table of figures with one column per strategy (values by key), in the strategies' colours. */
export function strategyTable(rows: readonly KeyFigure[], strategies: readonly ChartStrategy[] = DEFAULT_PLANS): string {
  const { range } = strategyScale(strategies);
  const head = strategies.map((strategy, i) => `<th scope="col" style="color:${range[i]}">${escapeHtml(legendName(strategy))}</th>`).join('');
  return `<table class="key-figures">
<thead><tr><th scope="col"></th>${head}</tr></thead>
<tbody>${rows.map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th>${strategies.map((s) => `<td>${escapeHtml(f[s.key] ?? '')}</td>`).join('')}</tr>`).join('')}</tbody>
</table>`;
}

/** The closing section: the run's facts, the scenario file as written and with every default. */
export function runFactsSection(facts: readonly [string, string][], scenario: Scenario, scenarioText: string, bundles: VegaBundles): string {
  const libraries = bundles.scripts.map((b) => `${b.name} ${b.version}`).join(', ');
  return `<section class="run-facts" aria-labelledby="heading-facts">
<h2 id="heading-facts">The run</h2>
<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<h3>Scenario file</h3>
<pre class="scenario">${escapeHtml(scenarioText)}</pre>
<details><summary>Every parameter, with defaults filled in</summary><pre class="scenario">${escapeHtml(JSON.stringify(scenario, null, 2))}</pre></details>
<p class="colophon">Charts drawn with ${escapeHtml(libraries)}, inlined: this file needs no network.</p>
</section>`;
}

export interface ReportPage {
  /** The document title (plain text). */
  title: string;
  version: string;
  /** The page's body markup, already escaped: the answer first, then sections. */
  body: string;
  charts: readonly ReportChart[];
  bundles: VegaBundles;
}

/** The whole HTML document around `body`, with the charts' specs and the scripts that draw them. */
export function buildReportPage(page: ReportPage): string {
  const specs = Object.fromEntries(page.charts.map((c) => [c.name, c.spec]));
  const scripts = [...page.bundles.scripts.map((b) => b.text), EMBED_SCRIPT];
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(scriptHash).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="expansim ${escapeHtml(page.version)}">
<title>${escapeHtml(page.title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<main>
${page.body}
</main>
${page.bundles.scripts.map((b) => inlineScript(b.text)).join('\n')}
<script type="application/json" id="chart-specs">${jsonForScript(specs)}</script>
${inlineScript(EMBED_SCRIPT)}
</body>
</html>
`;
}
