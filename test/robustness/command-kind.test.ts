/** bin/command-kind.js: which commands the code cache treats as alike (bin/load-bundle.js writes it again for a new kind). */
import { describe, expect, it } from 'vitest';
import { commandKind } from '../../bin/command-kind.js';

describe('commandKind', () => {
  it('is the command and its sorted option names, without values or files', () => {
    expect(commandKind(['run', 'a.yaml', '--trials', '100', '--no-charts', '--out=/tmp/x'])).toBe('run --no-charts --out --trials');
    expect(commandKind(['run', 'b.yaml', '--out', 'y', '--no-charts', '--trials', '5000'])).toBe('run --no-charts --out --trials');
  });

  it('tells apart commands and option sets that compile other code', () => {
    expect(commandKind(['run', 'a.yaml'])).not.toBe(commandKind(['run', 'a.yaml', '--no-charts']));
    expect(commandKind(['sweep', 'a.yaml'])).not.toBe(commandKind(['run', 'a.yaml']));
  });

  it('has no command word when the first argument is an option', () => {
    expect(commandKind(['--version'])).toBe(' --version');
    expect(commandKind([])).toBe('');
  });
});
