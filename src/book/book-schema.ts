/**
 * The book file's schema (MODEL.md §8): a base scenario, teams with their FTE
 * pools and groups of like accounts. The one source of the `Book` type and of
 * the JSON Schema editors use (expansim-book.schema.json).
 */
import { z } from 'zod';
import { nonNegativeField, numberField, section } from '../scenario/fields.ts';
import { MAX_TRIALS } from '../scenario/scenario-schema.ts';

/** Most accounts a book may hold (groups' counts plus accounts CSV rows). */
export const MAX_BOOK_ACCOUNTS = 10_000;
/** Smallest capacity step, FTE: finer grids only cost time. */
export const MIN_CAPACITY_STEP = 0.05;

const nameField = (what: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(100, { error: 'must be at most 100 characters' })
    .describe(what);

export const teamSchema = section(
  {
    pool: nonNegativeField('FTE the team has to share among its accounts.', 1e6),
    description: z.string({ error: 'must be text' }).max(10_000).default('').describe('Who the team is, in plain words.'),
  },
  'A team and its pool of people (MODEL.md §8).',
);

export const groupSchema = section(
  {
    name: nameField('Name of the group (its accounts are named `name #1`, `name #2`, … when count > 1).'),
    team: nameField('The team that covers these accounts: a key of `teams`.'),
    count: numberField({ description: 'How many like accounts the group holds.', min: 1, max: MAX_BOOK_ACCOUNTS, integer: true }).default(1),
    overrides: z
      .record(z.string(), z.unknown(), { error: 'must be a mapping of scenario keys to values' })
      .default({})
      .describe('Scenario keys set on the base scenario for these accounts (account.wallet, account.barriers, model.mix, strategies, …).'),
  },
  'A group of like accounts: the base scenario with overrides, a count and a team.',
);

export const bookSchema = section(
  {
    $schema: z.string().optional().describe('Path or URL of the JSON Schema, for editors; ignored by expansim.'),
    name: nameField('Short name of the book; also the name of its output folder (sanitised).'),
    description: z.string({ error: 'must be text' }).max(10_000).default('').describe('What book of accounts this is, in plain words.'),
    base: z
      .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be text') })
      .min(1, { error: 'must not be empty' })
      .max(4096, { error: 'must be at most 4096 characters' })
      .describe('Path of the base scenario, relative to the book file.'),
    seed: numberField({ description: 'Book seed: account i is simulated with a seed derived from (seed, i) alone.', min: 0, max: Number.MAX_SAFE_INTEGER, integer: true }).default(1),
    trials: numberField({ description: 'Trials per account, for every (strategy, capacity) on the grid.', min: 1, max: MAX_TRIALS, integer: true }).default(2_000),
    step: numberField({ description: 'Capacity grid step, FTE: each account may get 0, step, 2·step, … up to its Σ fte.', min: MIN_CAPACITY_STEP, max: 100 }).default(0.5),
    teams: z
      .record(nameField('Team name.'), teamSchema, { error: 'must be a mapping of team names to { pool }' })
      .refine((teams) => Object.keys(teams).length > 0, { error: 'must name at least one team' })
      .describe('The teams, by name, with their pools.'),
    groups: z.array(groupSchema, { error: 'must be a list of groups' }).default([]).describe('The account groups of the book.'),
  },
  'An expansim book: accounts grouped by likeness, each group covered by a team with a pool of FTE.',
);

/** A book as written in a file (defaults optional). */
export type BookInput = z.input<typeof bookSchema>;
/** A validated book with every default filled in. */
export type Book = z.output<typeof bookSchema>;
export type BookGroup = Book['groups'][number];

/** The book schema as JSON Schema (draft 2020-12). */
export function bookJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(bookSchema, { io: 'input' }),
    $id: 'https://expansim.dev/expansim-book.schema.json',
    title: 'expansim book',
  };
}
