/** The portfolio on the worker pool: the same portfolio.json for 1 and 2 workers, and the same NPVs as in this thread. */
import { describe, expect, it } from 'vitest';
import { loadBook } from '../../src/book/load-book.ts';
import { evaluateBook } from '../../src/portfolio/evaluate-book.ts';
import { optimizePortfolio } from '../../src/portfolio/optimize-portfolio.ts';
import { formatSummaryJson } from '../../src/report/run-record.ts';
import { SMALL_BOOK, bookFolder, writeIn } from '../book/book-files.ts';

describe('the portfolio on worker threads', () => {
  it('writes the same portfolio.json with 1 and 2 workers, from the same per-trial NPVs', async () => {
    const book = loadBook(writeIn(bookFolder(), 'book.yaml', SMALL_BOOK.replace('trials: 40', 'trials: 24')));
    const [one, two] = await Promise.all([evaluateBook(book, { workers: 1 }), evaluateBook(book, { workers: 2 })]);
    expect(two.npv.flat(2).every((column) => column.length === 24)).toBe(true);
    expect(two.npv).toEqual(one.npv);
    expect(formatSummaryJson(optimizePortfolio(book, two))).toBe(formatSummaryJson(optimizePortfolio(book, one)));
  });

  it('stops with the signal’s reason when aborted', async () => {
    const book = loadBook(writeIn(bookFolder(), 'book.yaml', SMALL_BOOK));
    const controller = new AbortController();
    const reason = new Error('stopped by the test');
    const evaluation = evaluateBook(book, { workers: 2, signal: controller.signal, onProgress: () => controller.abort(reason) });
    await expect(evaluation).rejects.toBe(reason);
  });
});
