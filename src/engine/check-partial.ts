/**
 * A checksum only proves a partial was not damaged by accident; whoever can
 * write one can recompute it. So a partial is also checked for sense: its
 * scenario is parsed again from its own text, its trial range is recomputed
 * from the shard index, and whatever the data columns let us recompute
 * exactly is compared with the header.
 */
import { canonicalJson, hashScenario } from '../scenario/scenario-hash.ts';
import { formatPath, type ScenarioIssue } from '../scenario/scenario-issue.ts';
import { parseScenario, validateScenario } from '../scenario/parse-scenario.ts';
import { PROJECT_TYPE_COUNT } from '../scenario/vocabulary.ts';
import { exactSum, valueOfExact } from './exact-sum.ts';
import { RUN_GRID_KEY, valuationGridCells } from './variants.ts';
import { defaultPair } from './trial-range.ts';
import { compileParameters } from '../model/parameters.ts';
import { strategyColumn, type StrategyColumnName } from './outcome-table.ts';
import { FUNNEL_CLOSED_WON, FUNNEL_STEP_COUNT } from './trial-outcome.ts';
import { shardRange, type ShardFile } from './shard-file.ts';
import type { ShardHeader } from './shard-header.ts';

const MONTH_COLUMNS: StrategyColumnName[] = ['firstDownstreamWin', 'firstMidstreamWin', 'firstUpstreamWin', 'midstreamOpened', 'upstreamOpened', 'churnMonth'];

function issueText(issue: ScenarioIssue): string {
  const where = issue.line !== undefined ? ` (line ${issue.line})` : '';
  const field = formatPath(issue.path);
  return `${field ? `${field}: ` : ''}${issue.message}${where}`;
}

function scenarioProblems(header: ShardHeader): string[] {
  const fromText = parseScenario(header.scenarioText);
  if (!fromText.ok) return [`header field scenarioText does not hold a valid scenario: ${issueText(fromText.issues[0]!)}`];
  const stored = validateScenario(header.scenario);
  if (!stored.ok) return [`header field scenario is not a valid scenario: ${issueText(stored.issues[0]!)}`];
  const problems: string[] = [];
  if (canonicalJson({ ...fromText.scenario, trials: header.totalTrials, seed: header.seed }) !== canonicalJson(header.scenario)) {
    problems.push('header field scenario does not match the scenarioText it was run from (with its trials and seed)');
  }
  if (hashScenario(header.scenario) !== header.scenarioHash) problems.push('header field scenarioHash is not the hash of its scenario');
  if (header.horizonMonths !== header.scenario.horizonMonths) problems.push(`header field horizonMonths is ${header.horizonMonths}, the scenario's is ${header.scenario.horizonMonths}`);
  return problems;
}

function rangeProblems(header: ShardHeader): string[] {
  const { index, count } = header.shard;
  let range;
  try {
    range = shardRange(header.totalTrials, index, count);
  } catch (error) {
    return [`header field shard: ${(error as Error).message}`];
  }
  if (range.start === header.start && range.count === header.count) return [];
  return [`shard ${index}/${count} of ${header.totalTrials} trials holds trials ${range.start}…${range.start + range.count - 1}, but the header says ${header.start}…${header.start + header.count - 1}`];
}

function variantProblems(header: ShardHeader, variantKeys: readonly string[]): string[] {
  const keys = Object.keys(header.variants);
  if (canonicalJson([...keys].sort()) !== canonicalJson([...variantKeys].sort())) {
    return [`header field variants holds ${keys.length} variants, the ablation runs ${variantKeys.length}`];
  }
  // The run's own grid covers every trial of the partial; the ablation's variants its first trials.
  const runGrid = new Set(valuationGridCells(RUN_GRID_KEY).map((cell) => cell.key));
  const ablated = Math.max(0, Math.min(header.start + header.count, header.analysis.ablationTrials) - header.start);
  const expected = (key: string) => (runGrid.has(key) ? header.count : ablated);
  const wrong = keys.find((key) => header.variants[key]!.count !== expected(key));
  return wrong === undefined ? [] : [`header field variants.${wrong}.count is ${header.variants[wrong]!.count}, not ${expected(wrong)}`];
}

/** The keys of the pair a run compares (the default pair: a run has no other). */
function comparedPairKeys(scenario: ShardHeader['scenario']): [string, string] {
  const params = compileParameters(scenario);
  const [first, second] = defaultPair(params);
  return [params.strategies[first]!.key, params.strategies[second]!.key];
}

/** The run's own valuation grid, recomputed exactly from the grid columns (the compared pair's): it must be the header's. */
function runGridProblems({ header, table }: ShardFile, pair: readonly [string, string]): string[] {
  const column = (strategy: string, name: string) => strategyColumn(table, strategy, name as StrategyColumnName);
  for (const cell of valuationGridCells(RUN_GRID_KEY)) {
    const [a, b] = pair.map((strategy) => {
      const cash = column(strategy, `cashValueRate${cell.rate}`);
      const tv = column(strategy, `terminalValueRate${cell.rate}`);
      return Float64Array.from(cash, (x, i) => (cell.terminal === 'runRate' ? x + tv[i]! : x));
    }) as [Float64Array, Float64Array];
    const sums = header.variants[cell.key]!;
    const diff = a.map((x, i) => x - b[i]!);
    const same = valueOfExact(sums.sum.diff) === exactSum(diff) && valueOfExact(sums.sumOfSquares.diff) === exactSum(diff.map((d) => d * d));
    if (!same || sums.better !== diff.filter((d) => d > 0).length) return [`header field variants.${cell.key} does not match the data columns' valuation grid`];
  }
  return [];
}

function columnProblems({ header, table }: ShardFile): string[] {
  for (const [name, column] of Object.entries(table.columns)) {
    if (column instanceof Float64Array || column instanceof Float32Array) {
      if (!column.every(Number.isFinite)) return [`data column ${name} holds a value that is not a finite number`];
    }
  }
  const horizon = header.horizonMonths;
  for (const strategy of table.strategies) {
    const column = (name: StrategyColumnName) => strategyColumn(table, strategy, name);
    for (const name of MONTH_COLUMNS) {
      if (!column(name).every((m) => m >= -1 && m < horizon)) return [`data column ${strategy}.${name} holds a month outside −1 … ${horizon - 1}`];
    }
    if (!column('trapMonths').every((m) => m >= 0 && m <= horizon)) return [`data column ${strategy}.trapMonths holds a count outside 0 … ${horizon}`];
    const won = column('dealsWon');
    const failures = column('deliveryFailures');
    if (!failures.every((f, i) => f >= 0 && f <= won[i]!)) return [`data column ${strategy}.deliveryFailures holds more failures than deals won, or fewer than none`];
    let wonTotal = 0;
    for (const w of won) wonTotal += w;
    const funnel = header.sums[`${strategy}.funnel`]!;
    let closedWon = 0;
    for (let k = 0; k < PROJECT_TYPE_COUNT; k++) closedWon += valueOfExact(funnel[k * FUNNEL_STEP_COUNT + FUNNEL_CLOSED_WON]!);
    if (wonTotal !== closedWon) return [`header field sums.${strategy}.funnel counts ${closedWon} deals won, the data column ${strategy}.dealsWon ${wonTotal}`];
  }
  return [];
}

/**
 * Every reason a decoded partial does not hold together, each starting with
 * `file`; `variantKeys` are the variants its analysis settings run.
 */
export function partialProblems(partial: ShardFile, file: string, variantKeys: (header: ShardHeader) => readonly string[]): string[] {
  const { header } = partial;
  const scenario = scenarioProblems(header);
  const problems = scenario.length > 0 ? scenario : [...rangeProblems(header), ...variantProblems(header, variantKeys(header)), ...columnProblems(partial)];
  if (problems.length === 0) problems.push(...runGridProblems(partial, comparedPairKeys(header.scenario)));
  return problems.map((problem) => `${file}: ${problem}`);
}
