/**
 * The review deck (`deck.pptx`, 16:9) from a generic description, so a run,
 * a sweep or a portfolio fills the same input: a title slide with the
 * headline verdict and its caveat, one slide per chart (its finding as the
 * slide title, the chart as a picture at full resolution, the figures behind
 * it in the speaker notes), a table slide, and a closing slide of facts.
 * Every box is placed inside the slide and every title's size is chosen to fit.
 */
import type pptxgenjs from 'pptxgenjs';
import { reproducibleZip } from './reproducible-zip.ts';
import { fitPicture, fittingFontSize, pngSize, SLIDE, type Box } from './deck-layout.ts';

export interface DeckChart {
  /** The chart's finding, the slide's title. */
  title: string;
  /** The chart as PNG, placed at its full resolution. */
  png: Uint8Array;
  /** The figures behind the chart, for the speaker notes. */
  notes: string;
}

export interface DeckTable {
  title: string;
  /** Column headings; the first is the row labels' (may be empty). */
  header: string[];
  rows: string[][];
}

export interface DeckInput {
  /** A short line above the headline: tool, scenario, what is compared. */
  eyebrow: string;
  /** The headline verdict. */
  headline: string;
  /** What qualifies it: how robust it is, what it rests on. */
  caveat: string[];
  charts: readonly DeckChart[];
  table: DeckTable;
  /** The run's facts (scenario, seed, trials, valuation, version), as label and value. */
  facts: readonly [string, string][];
}

// pptxgenjs's types describe its CommonJS build; Node loads its ES build, whose default export is the class itself.
// Loaded with the first deck, so a run without one does not pay its start-up.
type PptxGenJSClass = typeof pptxgenjs.default;
type PptxGenJS = InstanceType<PptxGenJSClass>;
type Slide = ReturnType<PptxGenJS['addSlide']>;

const FONT = 'Arial';
const INK = '1A1A1A';
const MUTED = '555555';
const RULE = 'D0D0D0';
const MARGIN = 0.5;
/** A text box's inset, in points (pptxgenjs's unit for it): 0.1 in, as deck-layout.ts assumes. */
const TEXT_INSET_PT = 7.2;
const CONTENT_W = SLIDE.width - 2 * MARGIN;
const TITLE_BOX: Box = { x: MARGIN, y: 0.3, w: CONTENT_W, h: 1.1 };
const BODY_TOP = 1.5;
const BODY_H = SLIDE.height - BODY_TOP - 0.3;

/** Text a slide can hold: no control characters (which XML refuses), lines trimmed. */
function slideText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').trim();
}

function addTitle(slide: Slide, text: string, box: Box = TITLE_BOX, max = 28, min = 14): void {
  const title = slideText(text);
  slide.addText(title, { ...box, fontFace: FONT, fontSize: fittingFontSize(title, box, max, min), bold: true, color: INK, valign: 'top', margin: TEXT_INSET_PT, fit: 'shrink' });
}

function titleSlide(deck: PptxGenJS, input: DeckInput): void {
  const slide = deck.addSlide();
  slide.addText(slideText(input.eyebrow), { x: MARGIN, y: 0.6, w: CONTENT_W, h: 0.5, fontFace: FONT, fontSize: 14, color: MUTED, margin: TEXT_INSET_PT });
  addTitle(slide, input.headline, { x: MARGIN, y: 1.2, w: CONTENT_W, h: 2.9 }, 40, 20);
  const caveat = slideText(input.caveat.join('\n'));
  const box = { x: MARGIN, y: 4.3, w: CONTENT_W, h: 2.7 };
  slide.addText(caveat, { ...box, fontFace: FONT, fontSize: fittingFontSize(caveat, box, 20, 10), color: MUTED, valign: 'top', margin: TEXT_INSET_PT, fit: 'shrink', paraSpaceAfter: 6 });
}

function chartSlide(deck: PptxGenJS, chart: DeckChart): void {
  const slide = deck.addSlide();
  addTitle(slide, chart.title);
  const { width, height } = pngSize(chart.png);
  const place = fitPicture(width, height, { x: MARGIN, y: BODY_TOP, w: CONTENT_W, h: BODY_H });
  slide.addImage({ data: `image/png;base64,${Buffer.from(chart.png).toString('base64')}`, ...place, altText: slideText(chart.title) });
  slide.addNotes(slideText(chart.notes));
}

const MAX_TABLE_ROWS = 14;

/** A table in one line per row, over as many slides as it needs; the font is the largest at which every cell fits its column. */
function tableSlides(deck: PptxGenJS, title: string, header: readonly string[] | null, rows: readonly (readonly string[])[], firstColumnShare: number): void {
  const pages = Math.max(1, Math.ceil(rows.length / MAX_TABLE_ROWS));
  for (let page = 0; page < pages; page += 1) {
    const part = rows.slice(page * MAX_TABLE_ROWS, (page + 1) * MAX_TABLE_ROWS);
    tableSlide(deck, pages === 1 ? title : `${title} (${page + 1} of ${pages})`, header, part, firstColumnShare);
  }
}

function tableSlide(deck: PptxGenJS, title: string, header: readonly string[] | null, rows: readonly (readonly string[])[], firstColumnShare: number): void {
  const slide = deck.addSlide();
  addTitle(slide, title);
  const columns = Math.max(1, header?.length ?? 0, ...rows.map((row) => row.length));
  const firstW = columns === 1 ? CONTENT_W : CONTENT_W * firstColumnShare;
  const colW = [firstW, ...Array.from({ length: columns - 1 }, () => (CONTENT_W - firstW) / (columns - 1))];
  const lines = header ? [header, ...rows] : rows;
  const rowH = Math.min(0.6, BODY_H / Math.max(1, lines.length));
  const cells = lines.map((row) => Array.from({ length: columns }, (_, c) => slideText(row[c] ?? '')));
  const fontSize = Math.min(16, ...cells.flatMap((row) => row.map((cell, c) => fittingFontSize(cell, { w: colW[c]!, h: rowH }, 16, 7))));
  const border = { type: 'solid' as const, pt: 0.75, color: RULE };
  slide.addTable(
    cells.map((row, r) =>
      row.map((text, c) => ({ text, options: { bold: header !== null && r === 0, color: (header === null || r > 0) && c === 0 ? MUTED : INK, border: [{ type: 'none' as const }, { type: 'none' as const }, border, { type: 'none' as const }] } })),
    ),
    { x: MARGIN, y: BODY_TOP, w: CONTENT_W, colW, rowH, h: rowH * cells.length, fontFace: FONT, fontSize, valign: 'middle', margin: [0.04, 0.08, 0.04, 0.08], autoPage: false },
  );
}

/** The deck as the bytes of a .pptx file. */
export async function buildDeck(input: DeckInput): Promise<Uint8Array> {
  const PptxGenJS = (await import('pptxgenjs')).default as unknown as PptxGenJSClass;
  const deck = new PptxGenJS();
  deck.layout = 'LAYOUT_WIDE';
  deck.title = slideText(input.headline);
  deck.company = 'expansim';
  titleSlide(deck, input);
  for (const chart of input.charts) chartSlide(deck, chart);
  tableSlides(deck, input.table.title, input.table.header, input.table.rows, 0.4);
  tableSlides(deck, 'About this run', null, input.facts, 0.3);
  // Stored, not deflated (pptxgenjs ignores `compression` for this output type): the PNGs are compressed already.
  const written = (await deck.write({ outputType: 'uint8array' })) as Uint8Array;
  return await reproducibleZip(written, (name, data) => (name === CORE_PROPERTIES ? withoutTimes(data) : data));
}

const CORE_PROPERTIES = 'docProps/core.xml';

/**
 * The deck's core properties without the time of writing (created, modified:
 * optional in OPC), so the same run gives the same bytes; run.json records
 * when the run was made.
 */
function withoutTimes(coreXml: Buffer): Buffer {
  return Buffer.from(coreXml.toString('utf8').replace(/\s*<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, ''), 'utf8');
}
