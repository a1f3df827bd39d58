/** Reading a .pptx for tests: its slides' text, pictures, notes and shape boxes, straight from the XML. */
import { readZip } from './read-zip.ts';

export const SLIDE_EMU = { width: 12_192_000, height: 6_858_000 };

export interface SlideContent {
  /** Every text run, entities decoded, in order. */
  texts: string[];
  /** The bytes of each picture on the slide. */
  pictures: Buffer[];
  notes: string;
  /** Every placed shape's box in EMU (group frames of size 0 left out). */
  boxes: { x: number; y: number; w: number; h: number }[];
}

function decode(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

function runs(xml: string): string[] {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1]!));
}

export function readDeck(pptx: Uint8Array): { size: { width: number; height: number }; slides: SlideContent[]; entries: Map<string, Buffer> } {
  const entries = readZip(pptx);
  const text = (name: string) => entries.get(name)?.toString('utf8') ?? '';
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(text('ppt/presentation.xml'));
  const count = [...entries.keys()].filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
  const slides = Array.from({ length: count }, (_, i): SlideContent => {
    const xml = text(`ppt/slides/slide${i + 1}.xml`);
    const rels = text(`ppt/slides/_rels/slide${i + 1}.xml.rels`);
    const targets = new Map([...rels.matchAll(/Id="(rId\d+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));
    const pictures = [...xml.matchAll(/<p:pic>[\s\S]*?r:embed="(rId\d+)"[\s\S]*?<\/p:pic>/g)].map((m) => entries.get(`ppt/${targets.get(m[1]!)!.replace(/^\.\.\//, '')}`)!);
    const notesXml = text(`ppt/notesSlides/notesSlide${i + 1}.xml`);
    const boxes = [...xml.matchAll(/<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)]
      .map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }))
      .filter((b) => b.w > 0 || b.h > 0);
    // The notes page's first text is the notes; the slide number placeholder's follows.
    return { texts: runs(xml), pictures, notes: runs(notesXml)[0] ?? '', boxes };
  });
  return { size: { width: Number(size?.[1]), height: Number(size?.[2]) }, slides, entries };
}
