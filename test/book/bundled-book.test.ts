/** The bundled book and its accounts CSV load, describe themselves and bind: every team has fewer people than its accounts could use. */
import { describe, expect, it } from 'vitest';
import { loadBook } from '../../src/book/load-book.ts';
import { capacityUnits, fullCoverage } from '../../src/portfolio/capacity-grid.ts';

describe('scenarios/portfolio/hp-book.yaml', () => {
  it('holds about 60 accounts in 10–15 groups of three teams whose pools bind, and takes its accounts CSV', () => {
    const book = loadBook('scenarios/portfolio/hp-book.yaml', { accounts: 'scenarios/portfolio/hp-accounts.csv' });
    expect(book.book.description.length).toBeGreaterThan(80);
    expect(book.teams.map((team) => team.name)).toEqual(['Red', 'Green', 'Blue']);
    expect(book.book.groups.length).toBeGreaterThanOrEqual(10);
    expect(book.book.groups.length).toBeLessThanOrEqual(15);
    const inBook = book.book.groups.reduce((sum, group) => sum + group.count, 0);
    expect(inBook).toBe(60);
    expect(book.accounts.length - inBook).toBe(9);
    expect(book.accounts.find((account) => account.name === 'Wingtip Legal, LLP')).toBeDefined();
    for (const team of book.teams) {
      const mostUseful = book.groups
        .filter((group) => group.team === team.name)
        .reduce((sum, group) => sum + group.accounts.length * capacityUnits(fullCoverage(group.scenario), book.book.step) * book.book.step, 0);
      expect(team.pool).toBeLessThan(mostUseful / 2);
    }
  });
});
