/**
 * report.html → report.pdf through a local Chromium, headless: the page is
 * printed with its own print stylesheet (landscape, a chart a page) after
 * its scripts have drawn the charts. Chromium runs with a throwaway profile
 * in a temporary folder that is removed afterwards.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];
/** Printing a report takes a few seconds; a Chromium that takes this long has hung. */
const PRINT_TIMEOUT_MS = 120_000;

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to print with: `EXPANSIM_CHROMIUM` if set, else the first of chromium, google-chrome… on PATH; null if none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.EXPANSIM_CHROMIUM) return executable(env.EXPANSIM_CHROMIUM) ? env.EXPANSIM_CHROMIUM : null;
  const folders = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of CHROMIUM_NAMES) {
    for (const folder of folders) if (executable(join(folder, name))) return join(folder, name);
  }
  return null;
}

/** The message when --pdf finds no browser. */
export const NO_CHROMIUM = `--pdf needs a local Chromium or Chrome (looked for ${CHROMIUM_NAMES.join(', ')} on PATH, or set EXPANSIM_CHROMIUM); install one (Debian: apt-get install chromium) or drop --pdf`;

/** Prints `html` (a self-contained report) to PDF bytes with the given Chromium. */
export async function printReportPdf(html: string, chromium: string): Promise<Uint8Array> {
  const folder = mkdtempSync(join(tmpdir(), 'expansim-pdf-'));
  try {
    const page = join(folder, 'report.html');
    const pdf = join(folder, 'report.pdf');
    writeFileSync(page, html);
    const args = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${join(folder, 'profile')}`,
      '--no-pdf-header-footer',
      '--run-all-compositor-stages-before-draw',
      // Lets the page's scripts (vega-embed) finish drawing before it is printed.
      '--virtual-time-budget=30000',
      `--print-to-pdf=${pdf}`,
      pathToFileURL(page).href,
    ];
    await new Promise<void>((resolve, reject) => {
      const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: PRINT_TIMEOUT_MS, killSignal: 'SIGKILL' });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      child.on('error', reject);
      child.on('close', (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`${chromium} could not print report.pdf (${signal ? `killed by ${signal}` : `exit ${code}`}): ${stderr.trim().split('\n').pop() ?? ''}`));
      });
    });
    return readFileSync(pdf);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
