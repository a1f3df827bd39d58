/**
 * report.html in a real browser: headless Chromium (the Debian package,
 * driven by playwright-core) opens the file from disk with every non-file
 * request blocked, and every chart must be drawn by vega-embed with no
 * console error; the same for the sweep reports of a one- and a
 * two-parameter sweep. Leaves screenshots in output/browser-test/.
 *
 * Skipped, with a message, only where /usr/bin/chromium is missing; CI
 * (`CI` set) installs it, so there a missing browser fails the test.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { buildReportFiles } from '../../src/report/build-report-files.ts';
import { buildSweepReportFiles } from '../../src/report/build-sweep-report-files.ts';
import { writeFiles } from '../../src/report/write-folder-atomically.ts';
import { CHART_DATA } from '../charts/chart-fixtures.ts';
import { SWEEP_LINE, SWEEP_MAP } from '../charts/sweep-fixtures.ts';
import { smallDefaultRun } from './report-run.ts';

const CHROMIUM = '/usr/bin/chromium';
const OUTPUT = resolve('output/browser-test');
const hasBrowser = existsSync(CHROMIUM);
const mustRun = Boolean(process.env.CI);
const title = hasBrowser || mustRun ? 'report.html in headless Chromium' : `report.html in headless Chromium — SKIPPED: ${CHROMIUM} is missing (apt-get install chromium; CI installs it)`;

/** Opens a report offline (every non-file request aborted and recorded) and waits until each chart is drawn or has failed. */
async function openOffline(browser: Browser, url: string, charts: number): Promise<{ page: Page; errors: string[]; requests: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.startsWith('file:') || requested.startsWith('data:')) return route.continue();
    requests.push(requested);
    return route.abort();
  });
  await page.goto(url);
  await page.waitForFunction(`document.querySelectorAll('figure.chart[data-rendered]').length === ${charts}`, null, { timeout: 300_000 });
  return { page, errors, requests };
}

function drawnCharts(page: Page) {
  return page.$$eval('figure.chart', (figures) =>
    figures.map((f) => ({ id: f.id, rendered: f.getAttribute('data-rendered'), drawn: f.querySelectorAll('.vega-embed svg, .vega-embed canvas').length, fallback: f.querySelectorAll('img.fallback').length })),
  );
}

describe.skipIf(!hasBrowser && !mustRun)(title, () => {
  let browser: Browser;
  let reportUrl: string;
  // A two-strategy run: P(best) is drawn only with more plans.
  const charts = REPORT_CHARTS.filter((c) => c.name !== 'best-plan');
  const sweepUrls: Record<'line' | 'map', string> = { line: '', map: '' };

  beforeAll(async () => {
    if (!hasBrowser) throw new Error(`${CHROMIUM} is missing: CI must install the Debian package chromium (see .ci/run)`);
    const run = await smallDefaultRun();
    // The fixture's precision section and switchovers stand in for a precision run's and a 5,000-trial run's, so every chart (convergence and switchovers too) is drawn.
    const summary = { ...run.summary, precision: CHART_DATA.convergence!.precision, robustness: { ...run.summary.robustness, switchovers: CHART_DATA.robustness.robustness.switchovers } };
    const files = await buildReportFiles({ scenario: run.scenario, params: run.params, scenarioText: run.text, summary, table: run.table, version: '0.1.0' });
    rmSync(OUTPUT, { recursive: true, force: true });
    mkdirSync(OUTPUT, { recursive: true });
    writeFiles(OUTPUT, files);
    reportUrl = pathToFileURL(join(OUTPUT, 'report.html')).href;
    for (const [kind, result] of [['line', SWEEP_LINE], ['map', SWEEP_MAP]] as const) {
      const folder = join(OUTPUT, `sweep-${kind}`);
      mkdirSync(folder, { recursive: true });
      writeFiles(folder, await buildSweepReportFiles({ scenario: run.scenario, scenarioText: run.text, result, version: '0.1.0' }));
      sweepUrls[kind] = pathToFileURL(join(folder, 'report.html')).href;
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('draws every chart offline, with no console error and no network request', async () => {
    const { page, errors, requests } = await openOffline(browser, reportUrl, charts.length);
    expect(await drawnCharts(page)).toEqual(charts.map((c) => ({ id: `chart-${c.name}`, rendered: 'true', drawn: 1, fallback: 0 })));
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, 'report.png'), fullPage: true });
    await page.close();
  });

  it.each([
    ['line', 'sweep-line'],
    ['map', 'sweep-map'],
  ] as const)('draws a %s sweep report\'s chart offline, with no console error and no network request', async (kind, chart) => {
    const { page, errors, requests } = await openOffline(browser, sweepUrls[kind], 1);
    expect(await drawnCharts(page)).toEqual([{ id: `chart-${chart}`, rendered: 'true', drawn: 1, fallback: 0 }]);
    expect(await page.$eval('table.points tbody', (body) => body.querySelectorAll('tr').length)).toBe(kind === 'line' ? SWEEP_LINE.points.length : SWEEP_MAP.points.length);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.screenshot({ path: join(OUTPUT, `sweep-${kind}`, 'report.png'), fullPage: true });
    await page.close();
  });

  it('shows the pre-rendered charts when JavaScript is off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(reportUrl);
    const images = await page.$$eval('figure.chart img.fallback', (imgs) => imgs.map((img) => (img as unknown as { naturalWidth: number }).naturalWidth));
    expect(images).toHaveLength(charts.length);
    for (const width of images) expect(width).toBeGreaterThan(500);
    await context.close();
  });
});
