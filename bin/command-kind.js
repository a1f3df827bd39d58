// What kind of command `args` is, for the code cache (bin/load-bundle.js):
// the command and the names of its options, without their values, so
// `run a.yaml --trials 100` and `run b.yaml --trials 5000` are one kind and
// `run --no-charts` another (it compiles no chart code).

/** The command word and its sorted option names: `run --no-charts --trials`. */
export function commandKind(args) {
  const command = args[0] === undefined || args[0].startsWith('-') ? '' : args[0];
  const options = new Set(args.filter((arg) => arg.startsWith('-')).map((arg) => arg.split('=')[0]));
  return [command, ...[...options].sort()].join(' ');
}
