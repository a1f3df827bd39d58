/** The command word and its sorted option names: `run --no-charts --trials`. */
export declare function commandKind(args: readonly string[]): string;
