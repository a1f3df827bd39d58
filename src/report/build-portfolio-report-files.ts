/**
 * The charts and report of a portfolio: the portfolio registry's charts
 * (`charts/<name>.vl.json`, `.svg`, 2× `.png`), then `report.html`. The CLI
 * calls this after the evaluation (skipped with `--no-charts`).
 */
import type { PortfolioResult } from '../portfolio/run-portfolio.ts';
import { PORTFOLIO_CHARTS } from '../charts/portfolio-chart-registry.ts';
import { buildPortfolioReportHtml } from './build-portfolio-report-html.ts';
import { renderChartFiles } from './render-chart-files.ts';
import { readVegaBundles } from './vega-bundles.ts';
import { buildDeck } from './build-deck.ts';
import { portfolioDeckInput } from './deck-inputs.ts';
import type { OutputFile } from './write-folder-atomically.ts';

export interface PortfolioReportInput {
  result: PortfolioResult;
  bookText: string;
  baseText: string;
  accountsFile: string | null;
  version: string;
  onWarning?: (message: string) => void;
  /** Also build deck.pptx (default true). */
  deck?: boolean;
  /** Awaited between the steps, where a Ctrl-C is honoured. */
  checkpoint?: (step: string) => Promise<void>;
}

export async function buildPortfolioReportFiles(input: PortfolioReportInput): Promise<OutputFile[]> {
  const { files, charts } = await renderChartFiles(PORTFOLIO_CHARTS, input.result, input.onWarning, input.checkpoint);
  const { onWarning: _onWarning, deck: _deck, checkpoint: _checkpoint, ...page } = input;
  files.push({ path: 'report.html', content: buildPortfolioReportHtml({ ...page, charts, bundles: readVegaBundles() }) });
  if (input.deck ?? true) {
    await input.checkpoint?.('deck');
    files.push({ path: 'deck.pptx', content: await buildDeck(portfolioDeckInput(input.result, charts, input.version)) });
  }
  return files;
}
