/**
 * deck.pptx in a real presentation program: LibreOffice Impress, headless,
 * converts the deck to PDF (a fresh profile each run), poppler reads it back:
 * one page per slide at 16:9, each with its title's words inside the title
 * box, no word off the page, and each chart slide's picture drawn.
 *
 * Skipped, with a message, only where soffice or poppler-utils is missing;
 * CI (`CI` set) installs them, so there a missing one fails the test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { prepareChartData } from '../../src/stats/prepare-chart-data.ts';
import { buildDeck } from '../../src/report/build-deck.ts';
import { runDeckInput } from '../../src/report/deck-inputs.ts';
import { renderChartFiles } from '../../src/report/render-chart-files.ts';
import { decodePng } from './decode-png.ts';
import { readDeck } from './deck-slides.ts';
import { smallDefaultRun } from './report-run.ts';

const TOOLS = { soffice: '/usr/bin/soffice', pdftotext: '/usr/bin/pdftotext', pdftoppm: '/usr/bin/pdftoppm', pdfinfo: '/usr/bin/pdfinfo' };
const missing = Object.values(TOOLS).filter((tool) => !existsSync(tool));
const mustRun = Boolean(process.env.CI);
const title = missing.length === 0 || mustRun ? 'deck.pptx in LibreOffice Impress' : `deck.pptx in LibreOffice Impress — SKIPPED: ${missing.join(', ')} missing (apt-get install libreoffice-impress poppler-utils; CI installs them)`;
/** The title box: 0.3 in from the top, 1.1 in high, in PDF points. */
const TITLE_BOTTOM_PT = (0.3 + 1.1) * 72;
/** LibreOffice's first start (a new profile) takes a while on a busy machine. */
const CONVERT_TIMEOUT_MS = 600_000;

interface Word {
  text: string;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Each page's words with their boxes (pdftotext -bbox). */
function pageWords(pdf: string): { width: number; height: number; words: Word[] }[] {
  const html = execFileSync(TOOLS.pdftotext, ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [...page[3]!.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      text: w[4]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&(#39|apos);/g, "'").replace(/&amp;/g, '&'),
      yMin: Number(w[1]),
      xMax: Number(w[2]),
      yMax: Number(w[3]),
    })),
  }));
}

/** The share of pixels that are not near-white inside a box given as fractions of the page. */
function inkShare(png: Buffer, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const { width, height, pixels } = decodePng(png);
  let ink = 0;
  let all = 0;
  for (let y = Math.floor(box.y0 * height); y < Math.floor(box.y1 * height); y += 1) {
    for (let x = Math.floor(box.x0 * width); x < Math.floor(box.x1 * width); x += 1) {
      const i = (y * width + x) * 4;
      all += 1;
      if (pixels[i]! < 230 || pixels[i + 1]! < 230 || pixels[i + 2]! < 230) ink += 1;
    }
  }
  return ink / all;
}

describe.skipIf(missing.length > 0 && !mustRun)(title, () => {
  let folder: string;
  let slides: ReturnType<typeof readDeck>['slides'];
  let pages: ReturnType<typeof pageWords>;
  let images: Buffer[];
  let chartCount: number;

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`${missing.join(', ')} missing: CI must install libreoffice-impress and poppler-utils (see .ci/run)`);
    const run = await smallDefaultRun();
    const data = prepareChartData(run.params, run.summary, run.table);
    // Three charts, the widest among them, keep the test quick; the deck's code path is the run's.
    const entries = REPORT_CHARTS.filter((c) => ['npv-difference', 'barrier-ablation', 'path-classes'].includes(c.name));
    const { charts } = await renderChartFiles(entries, data);
    chartCount = charts.length;
    const deck = await buildDeck(runDeckInput(run.params, run.summary, charts, data.npvCdf.pLoss, '0.1.0'));
    slides = readDeck(deck).slides;
    folder = mkdtempSync(join(tmpdir(), 'expansim-deck-lo-'));
    writeFileSync(join(folder, 'deck.pptx'), deck);
    execFileSync(TOOLS.soffice, [`-env:UserInstallation=${pathToFileURL(join(folder, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', folder, join(folder, 'deck.pptx')], {
      timeout: CONVERT_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const pdf = join(folder, 'deck.pdf');
    pages = pageWords(pdf);
    execFileSync(TOOLS.pdftoppm, ['-r', '24', '-png', pdf, join(folder, 'slide')], { timeout: 300_000 });
    images = readdirSync(folder).filter((f) => /^slide-\d+\.png$/.test(f)).sort().map((f) => readFileSync(join(folder, f)));
  });

  afterAll(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('has one 16:9 page per slide: title, charts, figures, facts', () => {
    expect(chartCount).toBe(3);
    expect(slides).toHaveLength(1 + chartCount + 2);
    expect(pages).toHaveLength(slides.length);
    expect(images).toHaveLength(slides.length);
    for (const page of pages) expect(page.width / page.height).toBeCloseTo(16 / 9, 2);
  });

  it("shows each slide's title inside its title box, and no word off the page", () => {
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    pages.forEach((page, i) => {
      const slideTitle = squeeze(slides[i]!.texts[i === 0 ? 1 : 0]!);
      // Where Impress wraps a line (after a minus sign, say) pdftotext splits a word: compare without spaces.
      expect(squeeze(page.words.map((w) => w.text).join('')), `slide ${i + 1}`).toContain(slideTitle);
      // Every slide but the first (whose headline has its own taller box) opens with its title, inside the title box.
      if (i > 0) {
        let drawn = '';
        const titleWords = page.words.filter((w) => {
          const before = drawn.length;
          drawn += w.text;
          return before < slideTitle.length;
        });
        expect(squeeze(titleWords.map((w) => w.text).join(''))).toBe(slideTitle);
        for (const word of titleWords) expect({ slide: i + 1, word: word.text, inTitleBox: word.yMax <= TITLE_BOTTOM_PT }).toMatchObject({ inTitleBox: true });
      }
      for (const word of page.words) expect({ slide: i + 1, word: word.text, onPage: word.xMax <= page.width && word.yMax <= page.height }).toMatchObject({ onPage: true });
    });
  });

  it('draws each chart slide\'s picture, and every slide has something on it', () => {
    images.forEach((png, i) => {
      expect(inkShare(png, { x0: 0, y0: 0, x1: 1, y1: 1 }), `slide ${i + 1}`).toBeGreaterThan(0.005);
    });
    for (let i = 1; i <= chartCount; i += 1) {
      expect(slides[i]!.pictures).toHaveLength(1);
      expect(inkShare(images[i]!, { x0: 0.1, y0: 0.3, x1: 0.9, y1: 0.9 }), `chart slide ${i + 1}`).toBeGreaterThan(0.05);
    }
  });
});
