/**
 * A zip made reproducible: the same entries in the same order, stored, every
 * entry dated at the DOS epoch (1980-01-01 00:00) and with no extra fields,
 * after `rewrite` has had a chance to change an entry's bytes. pptxgenjs
 * (through JSZip) dates each entry, and docProps/core.xml, with the time of
 * writing, and offers no option to set either; this puts the deck's bytes
 * back to a function of its content. No ZIP64: a deck stays far below 4 GiB.
 */
import * as zlib from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** 1980-01-01 in the DOS date format (years since 1980 << 9 | month << 5 | day); the time is 00:00:00, 0. */
const DOS_EPOCH_DATE = (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const DIRECTORY = 0x10;

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function tableCrc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** zlib's own CRC-32 where Node has it (20.15 and later), the table above before. */
const crc32: (bytes: Uint8Array) => number = typeof zlib.crc32 === 'function' ? (bytes) => zlib.crc32(bytes) : tableCrc32;

/** The entries of a zip (stored or deflated), in central-directory order. */
function readEntries(zip: Uint8Array): { name: string; data: Buffer }[] {
  const bytes = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('reproducibleZip: no end of central directory');
  const count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  const entries: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i += 1) {
    if (bytes.readUInt32LE(offset) !== CENTRAL) throw new Error(`reproducibleZip: bad central directory entry ${i}`);
    const method = bytes.readUInt16LE(offset + 10);
    const size = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const skip = nameLength + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (bytes.readUInt32LE(local) !== LOCAL) throw new Error(`reproducibleZip: bad local header for ${name}`);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new Error(`reproducibleZip: ${name} uses compression method ${method}`);
    entries.push({ name, data: method === 8 ? zlib.inflateRawSync(data) : Buffer.from(data) });
    offset += 46 + skip;
  }
  return entries;
}

/** The zip again, stored and dated at the DOS epoch; `rewrite` may replace an entry's bytes. */
export function reproducibleZip(zip: Uint8Array, rewrite: (name: string, data: Buffer) => Buffer = (_, data) => data): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of readEntries(zip)) {
    const name = Buffer.from(entry.name, 'utf8');
    const data = rewrite(entry.name, entry.data);
    const flags = name.length === entry.name.length ? 0 : UTF8_NAMES;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_EPOCH_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_EPOCH_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(entry.name.endsWith('/') ? DIRECTORY : 0, 38);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
