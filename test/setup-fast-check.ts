/**
 * Every property test runs from a fixed seed, so a failure reproduces and CI
 * does not depend on luck; FC_SEED=<n> explores other cases locally. A run
 * (shrinking included) that passes a minute is stopped and reported as a
 * failure rather than left to hang.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED === undefined ? 20261127 : Number(process.env.FC_SEED);
fc.configureGlobal({ seed, interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true });
