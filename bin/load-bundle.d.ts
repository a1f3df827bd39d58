import type { Stats } from 'node:fs';
/** Where the code cache of `bundle` lives for this V8 and these Node options. */
export declare function codeCachePath(bundle: string, execArgv?: readonly string[], nodeOptions?: string): string;
/** V8's data from the cache file and the command kinds it was made after, if it was made for this very bundle file and is intact; else undefined. */
export declare function readCodeCache(cacheFile: string, bundleStat: Pick<Stats, 'size' | 'mtimeMs'>): { data: Buffer; kinds: string[] } | undefined;
/** Writes the cache (made after commands of `kinds`) under a unique temporary name and renames it into place; false if it could not be written. */
export declare function writeCodeCache(cacheFile: string, bundleStat: Pick<Stats, 'size' | 'mtimeMs'>, data: Buffer, kinds?: readonly string[]): boolean;
export interface LoadedBundle {
  exports: Record<string, unknown>;
  /** V8 compiled the bundle from the cache. */
  cacheUsed: boolean;
  /** Writes the cache when there was none to use or it was not made after a command of `kind` yet; false when nothing was written. */
  saveCache(kind?: string): boolean;
}
/** Runs the CommonJS bundle at `bundle` with V8's code cache; undefined if the file is gone. */
export declare function loadBundle(bundle: string): LoadedBundle | undefined;
