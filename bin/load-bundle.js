// Runs the prebuilt bundle (a CommonJS script, see bin/build-dist.js) the way
// Node runs a CommonJS module, but through vm.Script, so that V8's compiled
// code of it is kept between runs: compiling the 1.9 MB bundle is most of
// the start-up, and Node 20 keeps no such cache itself.
//
// The cache sits beside the bundle, one per V8 version, architecture and set
// of Node options (V8 refuses a cache made under other flags):
// dist/<bundle>.<v8>-<arch>-<options hash>.v8-cache. It holds a header line, then V8's data:
// the bundle's size and mtime when the cache was made (a rebuilt bundle
// never gets an older cache), the sha1 of V8's data (a damaged file is
// never handed to V8) and the kinds of command it was made after. V8 checks
// the rest (its version, flags, the source's length) and may still reject
// the data. Without a usable cache the bundle is compiled from source as
// before, and after a successful command the cache is written: the code V8
// compiled while the command ran, under a temporary name renamed into place,
// so a concurrent start never reads half of it. A cache that cannot be
// written (a read-only install) is skipped. A command of a kind the cache
// was already made after (bin/command-kind.js) writes nothing: serializing
// the compiled code costs 30-70 ms, and such a command compiled little the
// cache did not hold.
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

const MAGIC = 'expansim-v8-cache 2';
/** The most command kinds a header lists; the oldest give way. */
const MAX_KINDS = 32;
// Node's own CommonJS wrapper, so the bundle sees the same five names a required module does, and the
// import function its calls of import() for the chart, deck and PNG packages were rewritten to (bin/build-dist.js).
const WRAPPER = ['(function (exports, require, module, __filename, __dirname, expansimImport) { ', '\n});'];
const importPackage = (specifier) => import(specifier);

function sha1(data) {
  return createHash('sha1').update(data).digest('hex');
}

/** Where the code cache of `bundle` lives for this V8 and these Node options. */
export function codeCachePath(bundle, execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? '') {
  const options = sha1(JSON.stringify([execArgv, nodeOptions])).slice(0, 8);
  return `${bundle}.${process.versions.v8.replace(/[^\w.]/g, '_')}-${process.arch}-${options}.v8-cache`;
}

/** The header that makes a cache belong to one build of the bundle, with the command kinds it was made after (each `=` and its URI encoding, so an empty kind is one too). */
function headerOf(bundleStat, data, kinds) {
  return `${MAGIC} ${bundleStat.size} ${bundleStat.mtimeMs} ${sha1(data)} ${kinds.map((kind) => `=${encodeURIComponent(kind)}`).join(',')}\n`;
}

/** V8's data from the cache file and the command kinds it was made after, if it was made for this very bundle file and is intact; else undefined. */
export function readCodeCache(cacheFile, bundleStat) {
  let file;
  try {
    file = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const end = file.indexOf(10);
  if (end < 0) return undefined;
  const [magic, version, size, mtimeMs, digest, kinds] = file.subarray(0, end).toString('latin1').split(' ');
  if (`${magic} ${version}` !== MAGIC || Number(size) !== bundleStat.size || Number(mtimeMs) !== bundleStat.mtimeMs || kinds === undefined) return undefined;
  const data = file.subarray(end + 1);
  if (sha1(data) !== digest) return undefined;
  try {
    return { data, kinds: kinds === '' ? [] : kinds.split(',').map((kind) => decodeURIComponent(kind.slice(1))) };
  } catch {
    return undefined;
  }
}

/** Writes the cache under a unique temporary name and renames it into place; false if it could not be written. */
export function writeCodeCache(cacheFile, bundleStat, data, kinds = []) {
  const staged = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.partial`;
  try {
    accessSync(dirname(cacheFile), constants.W_OK);
    writeFileSync(staged, Buffer.concat([Buffer.from(headerOf(bundleStat, data, kinds), 'latin1'), data]));
    renameSync(staged, cacheFile);
    return true;
  } catch {
    rmSync(staged, { force: true });
    return false;
  }
}

/**
 * Runs `bundle` and returns its exports, whether V8 used a cache, and
 * `saveCache(kind)`, which writes the cache when there was none to use or it
 * was not yet made after a command of this kind (call it once the command
 * has run, so the cache holds the code it needed). Returns undefined if the
 * bundle file is gone (a concurrent rebuild removed it).
 */
export function loadBundle(bundle) {
  let bytes;
  let bundleStat;
  try {
    bundleStat = statSync(bundle);
    bytes = readFileSync(bundle);
  } catch (error) {
    if (error?.code === 'ENOENT') return undefined;
    throw error;
  }
  // An ASCII file decodes as latin1 without UTF-8's checks: a few milliseconds less.
  const source = bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8');
  const cacheFile = codeCachePath(bundle);
  const cached = readCodeCache(cacheFile, bundleStat);
  const cachedData = cached?.data;
  const script = new vm.Script(`${WRAPPER[0]}${source}${WRAPPER[1]}`, { filename: bundle, cachedData });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle), importPackage);
  // A cache made by a short command (--version) holds only what it compiled: after a command of
  // another kind (a run) it is written again, so the cache grows to cover the commands used.
  const saveCache = (kind = '') => {
    const kinds = cacheUsed ? cached.kinds : [];
    if (kinds.includes(kind)) return false;
    return writeCodeCache(cacheFile, bundleStat, script.createCachedData(), [...kinds, kind].slice(-MAX_KINDS));
  };
  return { exports: module.exports, cacheUsed, saveCache };
}
