/**
 * The JavaScript reference as an EngineSession: generateWorld into the set's
 * own world (made on its first generate), runPolicy on the current one. One
 * policy state and one outcome per horizon serve every play, since each
 * outcome is recorded before the next play.
 */
import type { ModelParameters } from '../model/parameters.ts';
import type { EngineSession } from './engine-session.ts';
import { createPolicyState, type PolicyState } from './policy-state.ts';
import { runPolicy } from './run-policy.ts';
import { createTrialOutcome, type TrialOutcome } from './trial-outcome.ts';
import { createWorld, generateWorld, type World } from './world.ts';

interface Scratch {
  state: PolicyState;
  outcome: TrialOutcome;
}

export interface ReferenceParameterSet {
  params: ModelParameters;
  scratch: Scratch;
  world: World | undefined;
}

export class ReferenceSession implements EngineSession<ReferenceParameterSet> {
  readonly engine = 'js';
  private readonly seed: number;
  private readonly scratchByHorizon = new Map<number, Scratch>();
  private current: World | undefined;

  constructor(seed: number) {
    this.seed = seed;
  }

  addParameters(params: ModelParameters): ReferenceParameterSet {
    const horizon = params.horizonMonths;
    let scratch = this.scratchByHorizon.get(horizon);
    if (scratch === undefined) {
      scratch = { state: createPolicyState(horizon), outcome: createTrialOutcome(horizon) };
      this.scratchByHorizon.set(horizon, scratch);
    }
    return { params, scratch, world: undefined };
  }

  /** Never false: a world past the size limit raises the reference's RunLimitError here. */
  generate(set: ReferenceParameterSet, trial: number): boolean {
    set.world ??= createWorld(set.params.horizonMonths);
    generateWorld(set.params, this.seed, trial, set.world);
    this.current = set.world;
    return true;
  }

  private get world(): World {
    if (this.current === undefined) throw new Error('ReferenceSession: play before any generate');
    return this.current;
  }

  get wallet(): number {
    return this.world.wallet;
  }
  get barrierCommonNormal(): number {
    return this.world.barrierCommonNormal;
  }
  get barrierNormals(): Float64Array {
    return this.world.barrierNormals;
  }

  play(set: ReferenceParameterSet, strategy: number, _slot: number): TrialOutcome {
    const plan = set.params.strategies[strategy];
    if (plan === undefined) throw new Error(`ReferenceSession: no plan ${strategy}`);
    return runPolicy(set.params, plan, this.world, set.scratch.state, set.scratch.outcome);
  }
}
