/** deck.pptx is a function of its content: built at two different times it is the same bytes, and it still reads as a deck. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDeck, type DeckInput } from '../../src/report/build-deck.ts';
import { reproducibleZip } from '../../src/report/reproducible-zip.ts';
import { readDeck } from './deck-slides.ts';
import { readZip } from './read-zip.ts';

// A 1×1 PNG, so the deck has a picture part as a run's does.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const INPUT: DeckInput = {
  eyebrow: 'expansim · test',
  headline: 'ATO beats FITD by $0.4M per account',
  caveat: ['On 62% of accounts.'],
  charts: [{ title: 'A chart', png: new Uint8Array(PIXEL), notes: 'the figures' }],
  table: { title: 'Figures', header: ['', 'ATO', 'FITD'], rows: [['Mean NPV', '$1.0M', '$0.6M']] },
  facts: [['Seed', '1']],
};

describe('a reproducible deck', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the same bytes when built at two different times', async () => {
    // Only Date is faked: pptxgenjs and JSZip read the clock for core.xml and every entry's date.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-04T05:06:07Z'));
    const first = await buildDeck(INPUT);
    vi.setSystemTime(new Date('2026-11-12T13:14:15Z'));
    const second = await buildDeck(INPUT);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const core = readZip(first).get('docProps/core.xml')?.toString('utf8') ?? '';
    expect(core).toContain('<dc:title>ATO beats FITD by $0.4M per account</dc:title>');
    expect(core).not.toMatch(/dcterms:(created|modified)|2025|2026/);
    const deck = readDeck(first);
    expect(deck.slides.map((slide) => slide.pictures.length)).toEqual([0, 1, 0, 0]);
    expect(deck.slides[1]?.pictures[0]?.equals(PIXEL)).toBe(true);
  });

  it('keeps every entry, its order and its bytes, dated at the DOS epoch', async () => {
    const written = await buildDeck(INPUT);
    const entries = readZip(written);
    const again = await reproducibleZip(written);
    expect(Buffer.from(again).equals(Buffer.from(written))).toBe(true);
    const rewritten = readZip(await reproducibleZip(written, (name, data) => (name === 'docProps/app.xml' ? Buffer.from('changed') : data)));
    expect([...rewritten.keys()]).toEqual([...entries.keys()]);
    expect(rewritten.get('docProps/app.xml')?.toString()).toBe('changed');
    expect(rewritten.get('ppt/presentation.xml')?.equals(entries.get('ppt/presentation.xml') ?? Buffer.alloc(0))).toBe(true);
    // Each entry's CRC-32 as zip readers check it; 0xcbf43926 is the standard check value of "123456789".
    const check = readZip(await reproducibleZip(written, (name, data) => (name === 'docProps/app.xml' ? Buffer.from('123456789') : data)));
    expect(check.get('docProps/app.xml')?.toString()).toBe('123456789');
    const raw = Buffer.from(await reproducibleZip(written, (name, data) => (name === 'docProps/app.xml' ? Buffer.from('123456789') : data)));
    let at = raw.indexOf('docProps/app.xml', 0, 'latin1');
    // The name also appears in [Content_Types].xml: find it after its local header.
    while (at >= 0 && raw.readUInt32LE(at - 30) !== 0x04034b50) at = raw.indexOf('docProps/app.xml', at + 1, 'latin1');
    expect(raw.readUInt32LE(at - 30 + 14)).toBe(0xcbf43926);
    // Every local header's time and date: 00:00:00 on 1980-01-01.
    const bytes = Buffer.from(written);
    for (let at = bytes.indexOf('PK\x03\x04', 0, 'latin1'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 4, 'latin1')) {
      expect([bytes.readUInt16LE(at + 10), bytes.readUInt16LE(at + 12)]).toEqual([0, (1 << 5) | 1]);
    }
  });
});
