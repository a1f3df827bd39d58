/** Runs every `@example expression // => expected` in src/calibrate, so the documented outputs stay exact. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const FOLDER = 'src/calibrate';
const EXAMPLE = /@example\s+(.+?)\s*\/\/ => (.+)$/;
const cases = readdirSync(FOLDER)
  .filter((file) => file.endsWith('.ts'))
  .flatMap((file) =>
    readFileSync(join(FOLDER, file), 'utf8')
      .split('\n')
      .map((line) => EXAMPLE.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => ({ file: join(FOLDER, file), expression: match[1]!, expected: match[2]! })),
  );

describe('documented examples in src/calibrate', () => {
  it('finds examples to run', () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  it.each(cases)('$file: $expression', async ({ file, expression, expected }) => {
    const exports = (await import(/* @vite-ignore */ `../../${file}`)) as Record<string, unknown>;
    const names = Object.keys(exports);
    const evaluate = new Function(...names, `return (${expression});`) as (...args: unknown[]) => unknown;
    expect(evaluate(...names.map((name) => exports[name]))).toEqual(new Function(`return (${expected});`)());
  });
});
