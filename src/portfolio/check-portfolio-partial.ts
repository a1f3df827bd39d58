/**
 * A checksum only proves a portfolio partial was not damaged by accident, so
 * a partial is also checked for sense: its book is compiled again from the
 * texts it carries, with its trials and step, and must hash as the header
 * says; its groups must be the ones its shard index gives, with those groups'
 * accounts, strategies and grid; its NPVs must be finite. Then the partials
 * of a merge must be of one book and cover each shard exactly once.
 */
import { compileBookTexts } from '../book/compile-book-texts.ts';
import type { CompiledBook } from '../book/compile-book.ts';
import { canonicalJson } from '../scenario/scenario-hash.ts';
import { groupGrid } from './evaluate-book.ts';
import { bookHash, type PortfolioShardFile } from './portfolio-shard-file.ts';
import type { PortfolioShardHeader } from './portfolio-shard-header.ts';
import { withBookSettings } from './run-portfolio.ts';
import { shardGroups } from './shard-groups.ts';
import { shardCoverProblems } from '../engine/shard-cover-problems.ts';

export type PartialCheck = { ok: true; compiled: CompiledBook } | { ok: false; problems: string[] };

function groupProblems(partial: PortfolioShardFile, compiled: CompiledBook): string[] {
  const { header } = partial;
  let expected: number[];
  try {
    expected = shardGroups(compiled, header.shard.index, header.shard.count);
  } catch (error) {
    return [`header field shard: ${(error as Error).message}`];
  }
  const held = header.groups.map((g) => g.group);
  if (canonicalJson(held) !== canonicalJson(expected)) {
    return [`shard ${header.shard.index}/${header.shard.count} of this book evaluates groups ${expected.join(', ')}, but the partial holds groups ${held.join(', ') || 'none'}`];
  }
  for (const g of header.groups) {
    const group = compiled.groups[g.group]!;
    const grid = groupGrid(compiled, g.group);
    if (g.name !== group.name || canonicalJson(g.accounts) !== canonicalJson(group.accounts) || canonicalJson(g.strategies) !== canonicalJson(grid.strategies) || g.maxUnits !== grid.maxUnits) {
      return [`header field groups: group ${g.group} is not the book's ${group.name} (its accounts, strategies or capacity grid differ)`];
    }
  }
  for (const g of partial.groups) {
    for (const account of g.npv) {
      for (const column of account.flat()) if (!column.every(Number.isFinite)) return [`data of group ${g.group} holds an NPV that is not a finite number`];
    }
  }
  return [];
}

/** Every reason a decoded partial does not hold together, each starting with `file`; or the book it belongs to. */
export function checkPortfolioPartial(partial: PortfolioShardFile, file: string): PartialCheck {
  const { header } = partial;
  const fail = (problems: string[]): PartialCheck => ({ ok: false, problems: problems.map((problem) => `${file}: ${problem}`) });
  const result = compileBookTexts(header);
  if (!result.ok) return fail([`header field bookText: ${result.problem}`]);
  const compiled = withBookSettings(result.compiled, { trials: header.trials, step: header.step });
  if (compiled.book.name !== header.bookName) return fail([`header field bookName is "${header.bookName}", its book text names "${compiled.book.name}"`]);
  if (bookHash(compiled) !== header.bookHash) return fail(['header field bookHash is not the hash of the book its texts compile to']);
  const problems = groupProblems(partial, compiled);
  return problems.length > 0 ? fail(problems) : { ok: true, compiled };
}

/** Checks that partials are of one book and cover every shard once; returns every problem found (empty when they merge). */
export function portfolioMergeProblems(headers: readonly (PortfolioShardHeader & { file: string })[]): string[] {
  if (headers.length === 0) return ['no partials given'];
  const first = headers[0]!;
  const problems: string[] = [];
  for (const h of headers.slice(1)) {
    if (h.bookHash !== first.bookHash) problems.push(`${h.file} is from a different book, or other trials or step, than ${first.file} (hash ${h.bookHash.slice(0, 12)} vs ${first.bookHash.slice(0, 12)})`);
    if (h.shard.count !== first.shard.count) problems.push(`${h.file} is shard ${h.shard.index}/${h.shard.count}, ${first.file} is of ${first.shard.count}`);
    if (h.expansimVersion !== first.expansimVersion) problems.push(`${h.file} was made by expansim ${h.expansimVersion}, ${first.file} by ${first.expansimVersion}`);
  }
  if (problems.length > 0) return problems;
  problems.push(...shardCoverProblems(headers, first.shard.count));
  return problems;
}
