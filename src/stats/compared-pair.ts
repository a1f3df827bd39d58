/**
 * Which strategies a figure compares. Paired differences are a strategy minus
 * the scenario's baseline; the analyses that follow one difference (ablation,
 * sweeps, precision, dominance) follow the compared pair: by default the
 * first strategy that is not the baseline, against the baseline.
 */
import type { ModelParameters } from '../model/parameters.ts';

export interface StrategyRef {
  /** Index in the compiled parameters' strategies, the scenario's key and the label shown. */
  index: number;
  key: string;
  label: string;
}

/** A minus b, on the same worlds. */
export interface ComparedPair {
  a: StrategyRef;
  b: StrategyRef;
}

type Plans = Pick<ModelParameters, 'strategies' | 'baseline'>;

export function strategyRefs(params: Plans): StrategyRef[] {
  return params.strategies.map((strategy, index) => ({ index, key: strategy.key, label: strategy.label }));
}

export function baselineRef(params: Plans): StrategyRef {
  return strategyRefs(params)[params.baseline]!;
}

/**
 * The pair `keys` names (`['beachhead', 'hold']`), or by default the first
 * non-baseline strategy against the baseline. Throws on an unknown key: the
 * CLI checks `--compare` before it gets here.
 */
export function comparedPair(params: Plans, keys?: readonly [string, string]): ComparedPair {
  const refs = strategyRefs(params);
  if (keys === undefined) return { a: refs.find((ref) => ref.index !== params.baseline)!, b: refs[params.baseline]! };
  const find = (key: string) => {
    const ref = refs.find((candidate) => candidate.key === key);
    if (!ref) throw new Error(`comparedPair: no strategy ${key}`);
    return ref;
  };
  return { a: find(keys[0]), b: find(keys[1]) };
}

const capitalised = (key: string) => `${key.charAt(0).toUpperCase()}${key.slice(1)}`;

/** The summary key of "a beats b": `pAtoBetter`. */
export function betterKey(a: string): `p${string}Better` {
  return `p${capitalised(a)}Better`;
}

/** The summary key of a dominance check of a over b: `atoOverFitd`. */
export function overKey(a: string, b: string): string {
  return `${a}Over${capitalised(b)}`;
}
