/**
 * The header of a portfolio partial: its exact JSON shape. A partial carries
 * the texts the book was compiled from (so a merge rebuilds the accounts
 * without the files), the command line's trials and step, the shard, and per
 * group of the shard its accounts, strategies and grid, which fix the layout
 * of the NPV columns that follow.
 */
import { z } from 'zod';
import { MAX_BOOK_ACCOUNTS } from '../book/book-schema.ts';
import { MAX_TRIALS } from '../scenario/scenario-schema.ts';

/** The portfolio partial format this expansim writes; others are refused. */
export const PORTFOLIO_SHARD_FORMAT = 1;

const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a sha256 digest (64 hex digits)');
const path = z.string().max(4096);

export const portfolioShardHeaderSchema = z.strictObject({
  format: z.literal(PORTFOLIO_SHARD_FORMAT),
  expansimVersion: z.string().max(100),
  bookName: z.string().max(100),
  /** The files as given on the shard's command line (for run.json and the report). */
  bookFile: path,
  baseScenarioFile: path,
  accountsFile: path.nullable(),
  bookText: z.string(),
  baseText: z.string(),
  accountsText: z.string().nullable(),
  trials: wholeNumber(2, MAX_TRIALS),
  step: z.number().positive().max(100),
  /** sha256 of the compiled book's canonical JSON: partials of one book agree on it. */
  bookHash: sha256,
  shard: z.strictObject({ index: wholeNumber(0, MAX_BOOK_ACCOUNTS - 1), count: wholeNumber(1, MAX_BOOK_ACCOUNTS) }),
  groups: z.array(
    z.strictObject({
      group: wholeNumber(0, MAX_BOOK_ACCOUNTS - 1),
      name: z.string().max(100),
      accounts: z.array(wholeNumber(0, MAX_BOOK_ACCOUNTS - 1)).max(MAX_BOOK_ACCOUNTS),
      strategies: z.array(z.string().max(100)).min(1).max(100),
      maxUnits: wholeNumber(0, 100_000),
    }),
  ).max(MAX_BOOK_ACCOUNTS),
  /** sha256 of the data section, and of the canonical header with `checksums.header` left out. */
  checksums: z.strictObject({ data: sha256, header: sha256 }),
});

export type PortfolioShardHeader = z.infer<typeof portfolioShardHeaderSchema>;
