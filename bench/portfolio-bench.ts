/**
 * The portfolio's speed, for `npm run bench` (never asserted in tests): the
 * bundled book (scenarios/portfolio/hp-book.yaml) with its default trials,
 * evaluated and optimised in this process on the default worker pool (goal
 * ≤ 60 s on the 2-core machine), and with one worker for the speed-up; then
 * how the cost grows. The evaluation is Σ over groups of accounts × capacity
 * steps simulations of `trials` trials playing every plan, so its cost should
 * be proportional to simulations × plans × trials: each point below, one
 * thread, is reported as nanoseconds per (simulation × plan × trial), which
 * stays flat if the model holds. The exact solve (optimizePortfolio) is
 * timed on its own.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadBook } from '../src/book/load-book.ts';
import type { CompiledBook } from '../src/book/compile-book.ts';
import { defaultEvaluationWorkers, evaluateBook, groupGrid, simulationCount } from '../src/portfolio/evaluate-book.ts';
import { optimizePortfolio } from '../src/portfolio/optimize-portfolio.ts';
import { withBookSettings } from '../src/portfolio/run-portfolio.ts';
import { loadScenario } from '../src/scenario/load-scenario.ts';

export interface PortfolioPoint {
  label: string;
  groups: number;
  accounts: number;
  simulations: number;
  plans: number;
  trials: number;
  workers: number;
  evaluateMs: number;
  optimizeMs: number;
  /** evaluateMs per simulation × plan × trial, in nanoseconds. */
  nsPerPlanTrial: number;
}

async function measure(label: string, compiled: CompiledBook, workers: number): Promise<PortfolioPoint> {
  const all = compiled.groups.map((_, g) => g);
  const simulations = simulationCount(compiled, all);
  const planTrials = all.reduce((sum, g) => sum + compiled.groups[g]!.accounts.length * groupGrid(compiled, g).maxUnits * groupGrid(compiled, g).strategies.length, 0) * compiled.book.trials;
  const start = performance.now();
  const evaluation = await evaluateBook(compiled, { workers });
  const evaluateMs = performance.now() - start;
  const solveStart = performance.now();
  optimizePortfolio(compiled, evaluation);
  const optimizeMs = performance.now() - solveStart;
  return {
    label,
    groups: compiled.groups.length,
    accounts: compiled.accounts.length,
    simulations,
    plans: groupGrid(compiled, 0).strategies.length,
    trials: compiled.book.trials,
    workers,
    evaluateMs,
    optimizeMs,
    nsPerPlanTrial: (evaluateMs * 1e6) / planTrials,
  };
}

/** The book with its groups' plans replaced by another scenario's (the plans axis). */
function withPlansOf(compiled: CompiledBook, scenarioFile: string): CompiledBook {
  const { strategies } = loadScenario(scenarioFile).scenario;
  return { ...compiled, groups: compiled.groups.map((group) => ({ ...group, scenario: { ...group.scenario, strategies } })) };
}

/** The book's first `count` groups, accounts renumbered (the groups axis). */
function firstGroups(compiled: CompiledBook, count: number): CompiledBook {
  const groups = compiled.groups.slice(0, count);
  const kept = new Set(groups.flatMap((group) => group.accounts));
  const accounts = compiled.accounts.filter((account) => kept.has(account.index));
  const renumber = new Map(accounts.map((account, i) => [account.index, i]));
  return {
    ...compiled,
    groups: groups.map((group) => ({ ...group, accounts: group.accounts.map((index) => renumber.get(index)!) })),
    accounts: accounts.map((account) => ({ ...account, index: renumber.get(account.index)! })),
  };
}

export async function portfolioBench(root: string, quick: boolean) {
  const book = loadBook(join(root, 'scenarios/portfolio/hp-book.yaml'));
  const all = book.groups.map((_, g) => g);
  const workers = defaultEvaluationWorkers(simulationCount(book, all), book.book.trials);
  const bundled = await measure(`bundled book, ${book.book.trials} trials, default workers`, book, workers);
  const oneWorker = quick ? null : await measure(`bundled book, ${book.book.trials} trials, 1 worker`, book, 1);
  const small = quick ? 30 : 100;
  const base = withBookSettings(book, { trials: small });
  const scaling = [
    await measure(`${small} trials`, base, 1),
    await measure(`${2 * small} trials`, withBookSettings(book, { trials: 2 * small }), 1),
    await measure(`${small} trials, step 1 FTE (half the capacity steps)`, withBookSettings(book, { trials: small, step: 1 }), 1),
    await measure(`${small} trials, half the groups`, firstGroups(base, Math.ceil(base.groups.length / 2)), 1),
    await measure(`${small} trials, four plans (hp-cso-four-plans)`, withPlansOf(base, join(root, 'scenarios/hp-cso-four-plans.yaml')), 1),
  ];
  return { bundled, oneWorker, speedUp: oneWorker ? oneWorker.evaluateMs / bundled.evaluateMs : null, scaling };
}

export function portfolioBenchLines(result: Awaited<ReturnType<typeof portfolioBench>>, goal: (ok: boolean) => string): string[] {
  const { bundled, oneWorker, speedUp, scaling } = result;
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    `  portfolio, bundled book (${bundled.accounts} accounts, ${bundled.simulations} simulations × ${bundled.plans} plans × ${bundled.trials} trials), ${bundled.workers} workers`,
    `                                              ${seconds(bundled.evaluateMs + bundled.optimizeMs)} (evaluate ${seconds(bundled.evaluateMs)}, optimise ${seconds(bundled.optimizeMs)})   [goal ≤ 60 s: ${goal(bundled.evaluateMs + bundled.optimizeMs <= 60_000)}]`,
    ...(oneWorker ? [`  portfolio, 1 worker / ${bundled.workers} workers                ${seconds(oneWorker.evaluateMs)} / ${seconds(bundled.evaluateMs)} = ${speedUp!.toFixed(2)}×`] : []),
    '  portfolio cost, one thread: ns per simulation × plan × trial (flat = linear in groups × plans × capacity steps × trials)',
    ...scaling.map((point) => `    ${point.label.padEnd(52)} ${String(point.simulations).padStart(5)} sims × ${point.plans} × ${String(point.trials).padStart(3)}   ${seconds(point.evaluateMs).padStart(7)}   ${point.nsPerPlanTrial.toFixed(0).padStart(6)} ns   optimise ${point.optimizeMs.toFixed(0)} ms`),
  ];
}

// `npx tsx bench/portfolio-bench.ts [--quick]`: this section alone.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await portfolioBench(join(import.meta.dirname, '..'), process.argv.includes('--quick'));
  process.stdout.write(`${portfolioBenchLines(result, (ok) => (ok ? 'met' : 'NOT met')).join('\n')}\n${JSON.stringify(result, null, 2)}\n`);
}
