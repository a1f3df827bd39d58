/**
 * Where things go on a 16:9 slide (13.333 × 7.5 in, PowerPoint's widescreen):
 * a title font size chosen from the text's length so it fits its box, and a
 * picture scaled into its box with its aspect ratio kept. Pure arithmetic.
 */

export const SLIDE = { width: 13.333, height: 7.5 } as const;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * An average glyph of Arial (and Liberation Sans, its metric twin) is about half an em wide;
 * 0.58 em leaves room for wide glyphs and word breaks.
 */
const GLYPH_WIDTH_EM = 0.58;
const LINE_HEIGHT_EM = 1.2;
/** Text boxes keep about 0.1 in of inset on each side. */
const INSET = 0.1;

/** How many lines `text` wraps to at `fontSize` points in a box `width` inches wide (a generous estimate). */
export function wrappedLines(text: string, width: number, fontSize: number): number {
  const perLine = Math.max(1, Math.floor(((width - 2 * INSET) * 72) / (fontSize * GLYPH_WIDTH_EM)));
  return text.split('\n').reduce((lines, paragraph) => {
    let count = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = word.length + (used > 0 ? 1 : 0);
      if (used + length > perLine && used > 0) {
        count += Math.ceil(word.length / perLine);
        used = word.length % perLine;
      } else used += length;
    }
    return lines + count;
  }, 0);
}

/** The largest size from `max` down to `min` (points) at which `text` fits the box; `min` if none does. */
export function fittingFontSize(text: string, box: { w: number; h: number }, max: number, min: number): number {
  for (let size = max; size > min; size -= 1) {
    const height = (wrappedLines(text, box.w, size) * size * LINE_HEIGHT_EM) / 72 + 2 * INSET;
    if (height <= box.h) return size;
  }
  return min;
}

/** A picture `width` × `height` (pixels) scaled to fit `box` whole, centred in it. */
export function fitPicture(width: number, height: number, box: Box): Box {
  const scale = Math.min(box.w / width, box.h / height);
  const w = width * scale;
  const h = height * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/** A PNG's size in pixels, from its IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  if (png.byteLength < 24 || view.getUint32(12) !== 0x49484452) throw new Error('a deck picture must be a PNG');
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
