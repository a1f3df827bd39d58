/**
 * Text widths measured from the font file itself (its `cmap` and `hmtx`
 * tables), so vega lays charts out in Node with the widths resvg will draw,
 * instead of its 0.8 em per character guess (which clips or pads labels).
 * Kerning is ignored: widths come out a fraction wider, never narrower.
 */
import { readFileSync } from 'node:fs';

export interface FontMetrics {
  /** Advance width of a string at a font size, px. */
  width(text: string, fontSize: number): number;
}

function tableOffsets(font: DataView): Map<string, number> {
  const tables = new Map<string, number>();
  const count = font.getUint16(4);
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i;
    const tag = String.fromCharCode(font.getUint8(record), font.getUint8(record + 1), font.getUint8(record + 2), font.getUint8(record + 3));
    tables.set(tag, font.getUint32(record + 8));
  }
  return tables;
}

/** Glyph index per BMP code point from the Windows Unicode (3, 1) format-4 cmap subtable. */
function basicGlyphIndices(font: DataView, cmap: number): Uint16Array {
  const glyphs = new Uint16Array(0x10000);
  const subtables = font.getUint16(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = font.getUint16(cmap + 4 + 8 * i);
    const encoding = font.getUint16(cmap + 6 + 8 * i);
    const offset = cmap + font.getUint32(cmap + 8 + 8 * i);
    if (platform !== 3 || encoding !== 1 || font.getUint16(offset) !== 4) continue;
    const segments = font.getUint16(offset + 6) / 2;
    const ends = offset + 14;
    const starts = ends + 2 * segments + 2;
    const deltas = starts + 2 * segments;
    const rangeOffsets = deltas + 2 * segments;
    for (let s = 0; s < segments; s++) {
      const start = font.getUint16(starts + 2 * s);
      const end = font.getUint16(ends + 2 * s);
      const delta = font.getUint16(deltas + 2 * s);
      const rangeOffset = font.getUint16(rangeOffsets + 2 * s);
      for (let code = start; code <= end && code < 0xffff; code++) {
        if (rangeOffset === 0) glyphs[code] = (code + delta) & 0xffff;
        else {
          const glyph = font.getUint16(rangeOffsets + 2 * s + rangeOffset + 2 * (code - start));
          glyphs[code] = glyph === 0 ? 0 : (glyph + delta) & 0xffff;
        }
      }
    }
    return glyphs;
  }
  throw new Error('font has no Unicode BMP (3, 1, format 4) cmap subtable');
}

/** Reads a TrueType font's advance widths. Cost: one pass over its cmap (~5 ms). */
export function readFontMetrics(path: string): FontMetrics {
  const bytes = readFileSync(path);
  const font = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = tableOffsets(font);
  const [head, hhea, hmtx, cmap] = ['head', 'hhea', 'hmtx', 'cmap'].map((tag) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${path} has no ${tag} table`);
    return offset;
  }) as [number, number, number, number];
  const unitsPerEm = font.getUint16(head + 18);
  const metricCount = font.getUint16(hhea + 34);
  const glyphs = basicGlyphIndices(font, cmap);
  const advance = (glyph: number) => font.getUint16(hmtx + 4 * Math.min(glyph, metricCount - 1));
  const advances = new Float64Array(0x10000);
  for (let code = 0; code < 0x10000; code++) advances[code] = advance(glyphs[code]!) / unitsPerEm;
  return {
    width(text, fontSize) {
      let em = 0;
      for (const char of text) {
        const code = char.codePointAt(0)!;
        em += code < 0x10000 ? advances[code]! : advances[0xfffd]!;
      }
      return em * fontSize;
    },
  };
}
