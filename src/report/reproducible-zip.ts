/**
 * A zip made reproducible: the same entries in the same order, stored, every
 * entry dated at the DOS epoch (1980-01-01 00:00), after `rewrite` has had a
 * chance to change an entry's bytes. pptxgenjs (through JSZip) dates each
 * entry, and docProps/core.xml, with the time of writing, and offers no
 * option to set either; this puts the deck's bytes back to a function of its
 * content. The zip is read and written again by JSZip, the library pptxgenjs
 * itself writes it with (JSZip writes DOS dates from a date's UTC fields, so
 * the time zone does not matter).
 */
import type JSZip from 'jszip';

const DOS_EPOCH = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

/** The zip again, stored and dated at the DOS epoch; `rewrite` may replace an entry's bytes. */
export async function reproducibleZip(zip: Uint8Array, rewrite: (name: string, data: Buffer) => Buffer = (_, data) => data): Promise<Uint8Array> {
  // Loaded with the first deck: a command that writes none does not pay JSZip's start-up.
  const { default: JSZipClass } = (await import('jszip')) as { default: typeof JSZip };
  const input = await JSZipClass.loadAsync(zip);
  const output = new JSZipClass();
  // JSZip keeps its entries in the order they were read, which is the zip's own.
  for (const entry of Object.values(input.files)) {
    if (entry.dir) output.folder(entry.name);
    else output.file(entry.name, rewrite(entry.name, await entry.async('nodebuffer')), { date: DOS_EPOCH, createFolders: false });
  }
  for (const entry of Object.values(output.files)) entry.date = DOS_EPOCH;
  return output.generateAsync({ type: 'uint8array', compression: 'STORE', platform: 'DOS' });
}
