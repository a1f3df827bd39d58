/**
 * The review report as one self-contained HTML file: the headline answer
 * first, then the charts as evidence (interactive through inlined vega,
 * vega-lite and vega-embed, each over its pre-rendered SVG as the fallback),
 * then the run's facts and the scenario. A Content-Security-Policy forbids
 * every network load; scripts are allowed by hash only. Pure: text in, text out.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { Summary } from '../stats/summarize-outcomes.ts';
import { formatRate } from '../charts/format-figures.ts';
import { STRATEGY_COLORS, STRATEGY_LABELS } from '../charts/chart-theme.ts';
import { escapeHtml, jsonForScript } from './escape-html.ts';
import { keyFigures, reportBasis, reportHeadline, reportVerdict } from './report-headline.ts';
import type { VegaBundles } from './vega-bundles.ts';
import { REPORT_STYLE } from './report-style.ts';

export interface ReportChart {
  name: string;
  heading: string;
  reading: string;
  /** The chart's finding (its title), for the fallback image's alt text. */
  title: string;
  spec: unknown;
  svg: string;
}

export interface ReportHtmlInput {
  scenario: Scenario;
  scenarioText: string;
  summary: Summary;
  version: string;
  charts: readonly ReportChart[];
  pLoss: { ato: number; fitd: number };
  bundles: VegaBundles;
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

function factsList(summary: Summary, version: string): string {
  const facts: [string, string][] = [
    ['Scenario', summary.scenario],
    ['Description', summary.description || '(none)'],
    ['Seed', String(summary.seed)],
    ['Trials (simulated accounts)', summary.trials.toLocaleString('en-US')],
    ['Horizon', `${summary.horizonMonths} months`],
    ['Discount rate', `${formatRate(summary.discountRate)} a year`],
    ['Terminal value', summary.terminalValue === 'runRate' ? 'run rate (last 12 months of cash as a perpetuity net of churn)' : 'none'],
    ['Currency', `${summary.currency} (figures in millions)`],
    ['Scenario hash', summary.scenarioHash],
    ['Model version', String(summary.modelVersion)],
    ['expansim version', version],
  ];
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;
}

function chartSection(chart: ReportChart, index: number): string {
  const id = escapeHtml(chart.name);
  return `<section class="evidence" aria-labelledby="heading-${id}">
<h2 id="heading-${id}"><span class="number">${index + 1}</span>${escapeHtml(chart.heading)}</h2>
<p class="reading">${escapeHtml(chart.reading)}</p>
<figure class="chart" id="chart-${id}"><img class="fallback" alt="${escapeHtml(chart.title)}" src="${svgDataUrl(chart.svg)}"></figure>
</section>`;
}

export function buildReportHtml(input: ReportHtmlInput): string {
  const { summary, charts, bundles } = input;
  const specs = Object.fromEntries(charts.map((c) => [c.name, c.spec]));
  const scripts = [...bundles.scripts.map((b) => b.text), EMBED_SCRIPT];
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(scriptHash).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const figures = keyFigures(summary, input.pLoss);
  const title = `${summary.scenario}: ATO vs FITD`;
  const libraries = bundles.scripts.map((b) => `${b.name} ${b.version}`).join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="expansim ${escapeHtml(input.version)}">
<title>${escapeHtml(title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<main>
<header class="answer">
<p class="eyebrow">expansim · ${escapeHtml(summary.scenario)} · all at once (ATO) vs foot in the door (FITD)</p>
<h1>${escapeHtml(reportHeadline(summary))}</h1>
<p class="verdict">${escapeHtml(reportVerdict(summary))}</p>
<table class="key-figures">
<thead><tr><th scope="col"></th><th scope="col" style="color:${STRATEGY_COLORS.ato}">${escapeHtml(STRATEGY_LABELS.ato)}</th><th scope="col" style="color:${STRATEGY_COLORS.fitd}">${escapeHtml(STRATEGY_LABELS.fitd)}</th></tr></thead>
<tbody>${figures.map((f) => `<tr><th scope="row">${escapeHtml(f.label)}</th><td>${escapeHtml(f.ato)}</td><td>${escapeHtml(f.fitd)}</td></tr>`).join('')}</tbody>
</table>
<p class="basis">${escapeHtml(reportBasis(summary))}</p>
</header>
${charts.map(chartSection).join('\n')}
<section class="run-facts" aria-labelledby="heading-facts">
<h2 id="heading-facts">The run</h2>
${factsList(summary, input.version)}
<h3>Scenario file</h3>
<pre class="scenario">${escapeHtml(input.scenarioText)}</pre>
<details><summary>Every parameter, with defaults filled in</summary><pre class="scenario">${escapeHtml(JSON.stringify(input.scenario, null, 2))}</pre></details>
<p class="colophon">Charts drawn with ${escapeHtml(libraries)}, inlined: this file needs no network.</p>
</section>
</main>
${bundles.scripts.map((b) => inlineScript(b.text)).join('\n')}
<script type="application/json" id="chart-specs">${jsonForScript(specs)}</script>
${inlineScript(EMBED_SCRIPT)}
</body>
</html>
`;
}
