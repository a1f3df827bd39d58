/**
 * The report fits its window and its paper, in a real browser (headless
 * Chromium via playwright-core, as report-browser.test.ts): at 1024, 1280
 * and 1920 px no chart is wider than its frame; printed to A4 and Letter
 * (landscape), every chart is whole on one page: each word the chart draws
 * (read from its SVG) is on its section's page (pdftotext, poppler-utils).
 *
 * Skipped, with a message, only where Chromium or pdftotext is missing; CI
 * (`CI` set) installs both, so there a missing one fails the test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { SWEEP_CHARTS } from '../../src/charts/sweep-chart-registry.ts';
import { buildReportFiles } from '../../src/report/build-report-files.ts';
import { buildSweepReportFiles } from '../../src/report/build-sweep-report-files.ts';
import { writeFiles, type OutputFile } from '../../src/report/write-folder-atomically.ts';
import { CHART_DATA } from '../charts/chart-fixtures.ts';
import { SWEEP_MAP } from '../charts/sweep-fixtures.ts';
import { smallDefaultRun } from './report-run.ts';

const CHROMIUM = '/usr/bin/chromium';
const PDFTOTEXT = '/usr/bin/pdftotext';
const OUTPUT = resolve('output/report-fit-test');
const missing = [CHROMIUM, PDFTOTEXT].filter((tool) => !existsSync(tool));
const mustRun = Boolean(process.env.CI);
const title = missing.length === 0 || mustRun ? 'the report fits windows and paper' : `the report fits windows and paper — SKIPPED: ${missing.join(' and ')} missing (apt-get install chromium poppler-utils; CI installs them)`;

interface Report {
  name: string;
  url: string;
  charts: { name: string; heading: string; words: string[] }[];
  page?: Page;
}

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** The plain words (letters only, three or more) a chart's SVG draws: its title, axes, legend, labels. */
function svgWords(svg: string): string[] {
  const texts = [...svg.matchAll(/>([^<>]+)<\/(?:text|tspan)>/g)].map((m) => decodeEntities(m[1]!));
  return [...new Set(texts.flatMap((t) => t.split(/[^A-Za-z]+/)).filter((w) => w.length >= 3))];
}

function wordsOf(text: string): Set<string> {
  return new Set(text.split(/[^A-Za-z]+/).filter(Boolean));
}

/** Writes a report's files; its charts are the registry's entries it has an SVG for. */
function report(name: string, files: OutputFile[], registry: readonly { name: string; heading: string }[]): Report {
  const folder = join(OUTPUT, name);
  mkdirSync(folder, { recursive: true });
  writeFiles(folder, files);
  const svgs = new Map(files.map((f) => [f.path, f.content]));
  const charts = registry.flatMap(({ name: chart, heading }) => {
    const svg = svgs.get(`charts/${chart}.svg`);
    return typeof svg === 'string' ? [{ name: chart, heading, words: svgWords(svg) }] : [];
  });
  return { name, url: pathToFileURL(join(folder, 'report.html')).href, charts };
}

async function open(browser: Browser, target: Report, width: number): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(target.url);
  await page.waitForFunction(`document.querySelectorAll('figure.chart[data-rendered="true"]').length === ${target.charts.length}`, null, { timeout: 300_000 });
  return page;
}

describe.skipIf(missing.length > 0 && !mustRun)(title, () => {
  let browser: Browser;
  const reports: Report[] = [];

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`${missing.join(' and ')} missing: CI must install the Debian packages chromium and poppler-utils (see .ci/run)`);
    const run = await smallDefaultRun();
    const summary = { ...run.summary, precision: CHART_DATA.convergence!.precision };
    rmSync(OUTPUT, { recursive: true, force: true });
    const files = await buildReportFiles({ scenario: run.scenario, params: run.params, scenarioText: run.text, summary, table: run.table, version: '0.1.0', deck: false });
    reports.push(report('run', files, REPORT_CHARTS));
    const sweep = await buildSweepReportFiles({ scenario: run.scenario, scenarioText: run.text, result: SWEEP_MAP, version: '0.1.0', deck: false });
    reports.push(report('sweep-map', sweep, SWEEP_CHARTS));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    for (const target of reports) target.page = await open(browser, target, 1280);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([1024, 1280, 1920])('at %i px, no chart is wider than its frame and the page does not scroll sideways', async (width) => {
    for (const target of reports) {
      const page = target.page!;
      await page.setViewportSize({ width, height: 900 });
      const frames = await page.$$eval('figure.chart', (figures) =>
        figures.map((f) => {
          const drawn = f.querySelector('svg')!.getBoundingClientRect();
          const frame = f.getBoundingClientRect();
          return { id: f.id, scrollWidth: f.scrollWidth, clientWidth: f.clientWidth, overhang: Math.max(0, Math.round(drawn.right - frame.right)) };
        }),
      );
      expect(frames).toHaveLength(target.charts.length);
      for (const frame of frames) expect({ ...frame, fits: frame.scrollWidth <= frame.clientWidth }).toEqual({ ...frame, fits: true, overhang: 0 });
      expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    }
  });

  it.each(['A4', 'Letter'] as const)('printed to %s (landscape), every chart is whole on its page', async (format) => {
    for (const target of reports) {
      const pdfPath = join(OUTPUT, target.name, `report-${format}.pdf`);
      writeFileSync(pdfPath, await target.page!.pdf({ format, landscape: true }));
      const pages = execFileSync(PDFTOTEXT, ['-layout', pdfPath, '-'], { encoding: 'utf8' }).split('\f');
      const pageWords = pages.map(wordsOf);
      for (const chart of target.charts) {
        expect(chart.words.length).toBeGreaterThan(10);
        const overlap = pageWords.map((words) => chart.words.filter((w) => words.has(w)).length);
        const home = overlap.indexOf(Math.max(...overlap));
        expect(pages[home]!.replace(/\s+/g, ' '), `${target.name}: ${chart.name}'s page has its heading`).toContain(chart.heading);
        expect(chart.words.filter((w) => !pageWords[home]!.has(w)), `${target.name}: words of ${chart.name} not on its page`).toEqual([]);
      }
    }
  });
});
