/**
 * A validated book and its base scenario → the accounts to evaluate: each
 * group's scenario (the base with the group's overrides, validated as a
 * scenario, an issue naming the book's line), its team, and account indices
 * in book order (groups first, then the accounts CSV's rows). Pure.
 */
import { validateScenario } from '../scenario/parse-scenario.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { ScenarioIssue } from '../scenario/scenario-issue.ts';
import { MAX_BOOK_ACCOUNTS, type Book } from './book-schema.ts';
import { mergeOverrides, overridesHold } from './merge-overrides.ts';
import { sortByLine, type BookLocator } from './parse-book.ts';
import type { AccountRow } from './parse-accounts-csv.ts';
import { withAccountRow } from './with-account-row.ts';

export interface BookTeam {
  name: string;
  pool: number;
}

export interface CompiledGroup {
  name: string;
  team: string;
  /** The group's scenario, with the book's trials; each account runs it with its own seed. */
  scenario: Scenario;
  /** Indices of the group's accounts in the book. */
  accounts: number[];
}

export interface BookAccount {
  index: number;
  name: string;
  group: number;
}

export interface CompiledBook {
  book: Book;
  teams: BookTeam[];
  groups: CompiledGroup[];
  accounts: BookAccount[];
}

export type CompileResult = { ok: true; compiled: CompiledBook } | { ok: false; bookIssues: ScenarioIssue[]; accountIssues: ScenarioIssue[] };

/** Keys the book sets for every account, which overrides may not change. */
const BOOK_KEYS = ['name', 'seed', 'trials'];

function groupScenario(book: Book, base: Scenario, name: string, overrides: Record<string, unknown>): { scenario?: Scenario; issues: ScenarioIssue[] } {
  const merged = mergeOverrides(base, overrides) as Record<string, unknown>;
  const result = validateScenario({ ...merged, name, seed: book.seed, trials: book.trials });
  return result.ok ? { scenario: result.scenario, issues: [] } : { issues: result.issues };
}

/** Compiles a book with its base scenario and the rows of an accounts CSV (if any). */
export function compileBook(book: Book, base: Scenario, locate: BookLocator, rows: readonly AccountRow[] = []): CompileResult {
  const bookIssues: ScenarioIssue[] = [];
  const accountIssues: ScenarioIssue[] = [];
  const teamNames = Object.keys(book.teams);
  const unknownTeam = (team: string) => `unknown team "${team}" (the book's teams: ${teamNames.join(', ')})`;
  const groups: CompiledGroup[] = [];
  const accounts: BookAccount[] = [];
  const addAccounts = (name: string, count: number) =>
    Array.from({ length: count }, (_, k) => {
      const account = { index: accounts.length, name: count > 1 ? `${name} #${k + 1}` : name, group: groups.length };
      accounts.push(account);
      return account.index;
    });

  const firstGroup = new Map<string, number>();
  book.groups.forEach((group, g) => {
    const at = (...path: PropertyKey[]) => ['groups', g, ...path];
    const earlier = firstGroup.get(group.name);
    if (earlier !== undefined) bookIssues.push({ path: at('name'), line: locate(at('name')), message: `"${group.name}" is already the name of groups[${earlier}]` });
    else firstGroup.set(group.name, g);
    if (!(group.team in book.teams)) bookIssues.push({ path: at('team'), line: locate(at('team')), message: unknownTeam(group.team) });
    for (const key of BOOK_KEYS) {
      if (key in group.overrides) bookIssues.push({ path: at('overrides', key), line: locate(at('overrides', key)), message: `is set by the book for every account (the group's name, the book's seed and trials)` });
    }
    const { scenario, issues } = groupScenario(book, base, group.name, group.overrides);
    for (const issue of issues) {
      // An issue inside the overrides is the book's; one elsewhere comes from the base and its defaults.
      const path = overridesHold(group.overrides, issue.path) ? at('overrides', ...issue.path) : at('overrides');
      bookIssues.push({ path: at('overrides', ...issue.path), line: locate(path), message: issue.message });
    }
    if (scenario) groups.push({ name: group.name, team: group.team, scenario, accounts: addAccounts(group.name, group.count) });
  });

  const segments = new Map(book.groups.map((group) => [group.name, group]));
  for (const row of rows) {
    const segment = row.segment === undefined ? undefined : segments.get(row.segment);
    if (row.segment !== undefined && !segment) {
      accountIssues.push({ path: [row.labels.segment ?? 'segment'], line: row.line, message: `"${row.segment}" is not a group of the book (groups: ${[...segments.keys()].join(', ') || 'none'})` });
      continue;
    }
    if (firstGroup.has(row.name)) accountIssues.push({ path: [row.labels.name ?? 'name'], line: row.line, message: `"${row.name}" is already the name of a group of the book` });
    if (!(row.team in book.teams)) accountIssues.push({ path: [row.labels.team ?? 'team'], line: row.line, message: unknownTeam(row.team) });
    const { scenario, issues } = groupScenario(book, base, row.name, withAccountRow(segment?.overrides ?? {}, row));
    for (const issue of issues) {
      const column = row.labels[issue.path.join('.')];
      accountIssues.push({ path: [column ?? issue.path.join('.')], line: row.line, message: issue.message });
    }
    if (scenario) groups.push({ name: row.name, team: row.team, scenario, accounts: addAccounts(row.name, 1) });
  }

  if (accounts.length > MAX_BOOK_ACCOUNTS) bookIssues.push({ path: ['groups'], line: locate(['groups']), message: `holds ${accounts.length} accounts; the limit is ${MAX_BOOK_ACCOUNTS}` });
  if (bookIssues.length === 0 && accountIssues.length === 0 && accounts.length === 0) {
    bookIssues.push({ path: ['groups'], line: locate(['groups']), message: 'the book has no accounts: list groups, or give an accounts CSV with --accounts' });
  }
  if (bookIssues.length > 0 || accountIssues.length > 0) return { ok: false, bookIssues: sortByLine(bookIssues), accountIssues: sortByLine(accountIssues) };
  const teams = teamNames.map((name) => ({ name, pool: book.teams[name]!.pool }));
  return { ok: true, compiled: { book, teams, groups, accounts } };
}
