#!/usr/bin/env node
// expansim's command: TypeScript run through tsx, no build step.
// Ctrl-C or SIGTERM while tsx and the sources load (about 0.3 s) is recorded
// here, before anything else, and main() honours it once it takes over.
const early = { signal: undefined, stop() {} };
const record = (signal) => {
  early.signal ??= signal;
};
process.on('SIGINT', record);
process.on('SIGTERM', record);
early.stop = () => {
  process.off('SIGINT', record);
  process.off('SIGTERM', record);
};
// The first of the phases EXPANSIM_TRACE=phases shows (see src/cli/phase-checkpoint.ts).
if (process.env.EXPANSIM_TRACE === 'phases') process.stderr.write('expansim: phase start\n');

const { register } = await import('tsx/esm/api');
register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), undefined, early);
