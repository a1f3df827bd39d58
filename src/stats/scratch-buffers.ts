/**
 * Working buffers by role, reused by the summary's per-trial passes (sorts,
 * selections, pair differences) and grown to the longest column seen. A
 * summary of 1M trials makes a dozen such temporaries of 4–8 bytes a trial;
 * made afresh, they pile up as garbage faster than the collector frees it
 * and set the run's peak memory. Reused, each role costs one column for as
 * long as it is held; releaseScratchBuffers drops them all (analyseRun does,
 * when the summary is done).
 *
 * A role's buffer is valid until the next request for the same role: a
 * caller reads it before handing control to code that may ask for it again,
 * and writes it in full before reading it (it is not cleared).
 */

/**
 * Roles that several passes share, each holding it only while it runs and
 * calling none of the others meanwhile: a sort's order and a rule fit's
 * partition (INDEX_WORK, 4 bytes a trial); a binned feature's sorted copy
 * and summarizeSample's selection (FLOAT64_WORK, 8 bytes a trial).
 */
export const INDEX_WORK = 'work.index';
export const FLOAT64_WORK = 'work.float64';

type ScratchArray = Uint32Array | Int32Array | Uint8Array | Float32Array | Float64Array;

interface ScratchType<T> {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  BYTES_PER_ELEMENT: number;
}

const buffers = new Map<string, ArrayBuffer>();

/** A `length`-long view of role `role`'s buffer, grown if it is shorter. */
export function scratchArray<T extends ScratchArray>(role: string, Type: ScratchType<T>, length: number): T {
  const bytes = length * Type.BYTES_PER_ELEMENT;
  let buffer = buffers.get(role);
  if (buffer === undefined || buffer.byteLength < bytes) {
    buffer = new ArrayBuffer(bytes);
    buffers.set(role, buffer);
  }
  return new Type(buffer, 0, length);
}

/** Drops every role's buffer (the next request allocates afresh). */
export function releaseScratchBuffers(): void {
  buffers.clear();
}
