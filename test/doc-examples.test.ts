/**
 * Runs every `@example expression // => expected` in the public docs of the
 * kernel and statistics, so the documented outputs stay exact.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FOLDERS = ['src/model', 'src/stats', 'src/engine', 'src/report', 'src/scenario', 'src/charts', 'src/calibrate', 'src/book', 'src/portfolio'];
const EXAMPLE = /@example\s+(.+?)\s*\/\/ => (.+)$/;

const cases = FOLDERS.flatMap((folder) =>
  readdirSync(folder)
    .filter((file) => file.endsWith('.ts'))
    .flatMap((file) =>
      readFileSync(join(folder, file), 'utf8')
        .split('\n')
        .map((line) => EXAMPLE.exec(line))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => ({ file: join(folder, file), expression: match[1]!, expected: match[2]!.replace(/\s+\(.*\)$/, '') })),
    ),
);

describe('documented examples', () => {
  it('finds examples to run', () => {
    expect(cases.length).toBeGreaterThan(15);
  });

  it.each(cases)('$file: $expression', async ({ file, expression, expected }) => {
    const exports = (await import(/* @vite-ignore */ `../${file}`)) as Record<string, unknown>;
    const names = Object.keys(exports);
    const evaluate = new Function(...names, `return (${expression});`) as (...args: unknown[]) => unknown;
    const actual = evaluate(...names.map((name) => exports[name]));
    expect(actual).toEqual(new Function(`return (${expected});`)());
  });
});
