/**
 * deck.pptx without a presentation program: the zip's parts, 16:9, a title
 * slide with the headline and its caveat, one slide per chart (its finding
 * as title, its PNG byte for byte, its figures in the notes), the figures
 * table, the run's facts, and every shape inside the slide.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDeck, type DeckInput } from '../../src/report/build-deck.ts';
import { runDeckInput } from '../../src/report/deck-inputs.ts';
import { renderChartFiles } from '../../src/report/render-chart-files.ts';
import { prepareChartData } from '../../src/stats/prepare-chart-data.ts';
import { buildSweepReportFiles } from '../../src/report/build-sweep-report-files.ts';
import { fitPicture, fittingFontSize, pngSize, wrappedLines } from '../../src/report/deck-layout.ts';
import { keyFigures, reportHeadline, reportVerdict } from '../../src/report/report-headline.ts';
import { chartReading, REPORT_CHARTS } from '../../src/charts/chart-registry.ts';
import { SWEEP_MAP } from '../charts/sweep-fixtures.ts';
import { readDeck, SLIDE_EMU, type SlideContent } from './deck-slides.ts';
import { smallDefaultRun } from './report-run.ts';
import type { OutputFile } from '../../src/report/write-folder-atomically.ts';

function expectInsideSlide(slides: readonly SlideContent[]): void {
  slides.forEach((slide, i) => {
    expect(slide.boxes.length, `slide ${i + 1} has shapes`).toBeGreaterThan(0);
    for (const box of slide.boxes) {
      expect({ slide: i + 1, ...box, inside: box.x >= 0 && box.y >= 0 && box.x + box.w <= SLIDE_EMU.width && box.y + box.h <= SLIDE_EMU.height }).toMatchObject({ inside: true });
    }
  });
}

const joined = (slide: SlideContent) => slide.texts.join(' ');

describe('the deck of a run', () => {
  let files: OutputFile[];
  let deck: ReturnType<typeof readDeck>;
  let run: Awaited<ReturnType<typeof smallDefaultRun>>;

  beforeAll(async () => {
    run = await smallDefaultRun();
    // Three charts (the widest among them) keep the test quick; the run's deck is built the same way from all of them.
    const entries = REPORT_CHARTS.filter((c) => ['npv-difference', 'barrier-ablation', 'path-classes'].includes(c.name));
    const data = prepareChartData(run.params, run.summary, run.table);
    const rendered = await renderChartFiles(entries, data);
    files = rendered.files;
    deck = readDeck(await buildDeck(runDeckInput(run.params, run.summary, rendered.charts, data.npvCdf.pLoss, '9.9.9')));
  });

  it('is a 16:9 presentation with the parts PowerPoint needs', () => {
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'ppt/presentation.xml', 'ppt/_rels/presentation.xml.rels', 'ppt/slideMasters/slideMaster1.xml', 'docProps/app.xml']) expect(deck.entries.has(part), part).toBe(true);
    expect(deck.size).toEqual(SLIDE_EMU);
    expect(deck.size.width / deck.size.height).toBeCloseTo(16 / 9, 3);
  });

  it('opens with the headline verdict and its caveat, shows each chart with its finding and figures, then the table and the facts', () => {
    const charts = REPORT_CHARTS.filter((c) => files.some((f) => f.path === `charts/${c.name}.png`));
    const data = prepareChartData(run.params, run.summary, run.table);
    expect(charts).toHaveLength(3);
    expect(deck.slides).toHaveLength(1 + charts.length + 2);
    const [title, ...rest] = deck.slides;
    expect(joined(title!)).toContain(reportHeadline(run.summary));
    expect(joined(title!)).toContain(reportVerdict(run.summary));
    charts.forEach((chart, i) => {
      const slide = rest[i]!;
      const spec = JSON.parse(files.find((f) => f.path === `charts/${chart.name}.vl.json`)!.content as string);
      expect(slide.texts[0]).toBe([spec.title.text].flat().join(' '));
      expect(slide.pictures).toHaveLength(1);
      expect(Buffer.compare(slide.pictures[0]!, Buffer.from(files.find((f) => f.path === `charts/${chart.name}.png`)!.content as Uint8Array))).toBe(0);
      expect(slide.notes).toContain(`How to read it: ${chartReading(chart, data)}`);
      expect(slide.notes, chart.name).toMatch(/\n\w[\w ]*( \| \w[\w ]*)+\n/);
    });
    const table = joined(rest[charts.length]!);
    for (const figure of keyFigures(run.summary, { ato: 0, fitd: 0 })) expect(table).toContain(figure.label);
    const facts = rest[charts.length + 1]!.texts;
    expect(facts).toEqual(expect.arrayContaining(['Seed', String(run.summary.seed), 'Trials (simulated accounts)', '2,000', 'expansim version', '9.9.9', 'Terminal value']));
    expect(facts).toContain(run.summary.scenario);
  });

  it('places every shape inside the slide', () => {
    expectInsideSlide(deck.slides);
  });
});

describe('the deck of a sweep and of any caller', () => {
  it('splits a long table over slides and keeps every shape inside', async () => {
    const run = await smallDefaultRun();
    const files = await buildSweepReportFiles({ scenario: run.scenario, scenarioText: run.text, result: SWEEP_MAP, version: '9.9.9' });
    const { slides } = readDeck(files.find((f) => f.path === 'deck.pptx')!.content as Uint8Array);
    const pages = Math.ceil(SWEEP_MAP.points.length / 14);
    expect(slides).toHaveLength(1 + 1 + pages + 1);
    expect(slides[1]!.pictures).toHaveLength(1);
    if (pages > 1) expect(slides[2]!.texts[0]).toMatch(new RegExp(`\\(1 of ${pages}\\)$`));
    expectInsideSlide(slides);
  });

  it('fits a very long title and strips characters a slide cannot hold', async () => {
    const png = files1x1();
    const input: DeckInput = {
      eyebrow: 'portfolio',
      headline: `${'A very long headline that keeps going '.repeat(12)}\u0007end`,
      caveat: ['One caveat.'],
      charts: [{ title: 'word '.repeat(80), png, notes: 'notes\u0001' }],
      table: { title: 'Figures', header: ['', 'A', 'B', 'C'], rows: [['x', '1', '2', '3']] },
      facts: [['Seed', '1']],
    };
    const { slides } = readDeck(await buildDeck(input));
    expect(slides).toHaveLength(4);
    expect(joined(slides[0]!)).toContain('keeps going end One caveat.');
    expect(slides[1]!.notes).toBe('notes');
    expectInsideSlide(slides);
  });
});

describe('deck layout', () => {
  it('picks a smaller font for a longer title, and one that fits', () => {
    const box = { w: 12.3, h: 1.1 };
    const short = fittingFontSize('Short finding', box, 28, 14);
    const long = fittingFontSize('A finding that runs over two lines of a slide title at the largest size, with more words still', box, 28, 14);
    expect(short).toBe(28);
    expect(long).toBeLessThan(short);
    expect((wrappedLines('A finding that runs over two lines of a slide title at the largest size, with more words still', box.w, long) * long * 1.2) / 72 + 0.2).toBeLessThanOrEqual(box.h);
  });

  it('scales a picture into its box whole, centred, aspect kept', () => {
    const place = fitPicture(2208, 1056, { x: 0.5, y: 1.5, w: 12.3, h: 5.7 });
    expect(place.w / place.h).toBeCloseTo(2208 / 1056, 6);
    expect(place.h).toBeCloseTo(5.7, 6);
    expect(place.x).toBeGreaterThan(0.5);
    expect(place.x + place.w).toBeLessThanOrEqual(0.5 + 12.3 + 1e-9);
    expect(place.x - 0.5).toBeCloseTo(0.5 + 12.3 - (place.x + place.w), 6);
    expect(pngSize(files1x1())).toEqual({ width: 1, height: 1 });
  });
});

/** A 1×1 white PNG. */
function files1x1(): Uint8Array {
  return Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');
}
