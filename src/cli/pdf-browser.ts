/** The Chromium `--pdf` prints with, found before any trial runs so a missing one costs nothing. */
import { findChromium, NO_CHROMIUM } from '../report/print-report-pdf.ts';
import { UsageError } from './cli-io.ts';

export function pdfBrowser(options: { pdf: boolean; charts: boolean }, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!options.pdf) return undefined;
  if (!options.charts) throw new UsageError('--pdf prints the HTML report, which --no-charts skips: drop one of them');
  const chromium = findChromium(env);
  if (chromium === null) throw new UsageError(NO_CHROMIUM);
  return chromium;
}
