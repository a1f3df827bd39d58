/**
 * Every property test runs from a fixed seed, so a failure reproduces and CI
 * does not depend on luck; FC_SEED=<n> explores other cases locally. No time
 * limit: a property that is interrupted after a fixed time fails on a loaded
 * machine (it did, at load 18 on 2 cores); vitest's hang guard covers hangs.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED === undefined ? 20261127 : Number(process.env.FC_SEED);
fc.configureGlobal({ seed });
