/** Hostile files: each gets one line naming the file, and exit 2 — never a stack trace. */
import { chmodSync, mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expansim, workspace } from './cli-process.ts';

function expectOneCleanLine(result: { code: number | null; stdout: string; stderr: string }, file: string, message: RegExp) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^✖ ${file.replace(/[.]/g, '\\.')}`));
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

describe('hostile scenario files', () => {
  it('a YAML alias bomb', () => {
    const cwd = workspace();
    const levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]`);
    }
    writeFileSync(join(cwd, 'bomb.yaml'), `${levels.join('\n')}\nname: bomb\n`);
    expectOneCleanLine(expansim(['validate', 'bomb.yaml'], cwd), 'bomb.yaml', /alias/i);
  });

  it('a multi-megabyte file', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'big.yaml'), `name: big\ndescription: "${'x'.repeat(3 * 1024 * 1024)}"\n`);
    expectOneCleanLine(expansim(['run', 'big.yaml'], cwd), 'big.yaml', /too large/);
  });

  it('binary garbage', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'garbage.yaml'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    expectOneCleanLine(expansim(['validate', 'garbage.yaml'], cwd), 'garbage.yaml', /binary|UTF-8/);
  });

  it('a directory, and a missing file', () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'folder.yaml'));
    expectOneCleanLine(expansim(['run', 'folder.yaml'], cwd), 'folder.yaml', /directory/);
    expectOneCleanLine(expansim(['run', 'missing.yaml'], cwd), 'missing.yaml', /no such file/);
    expect(existsSync(join(cwd, 'output'))).toBe(false);
  });

  it('an unreadable file', () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'secret.yaml'), 'name: secret\n');
    chmodSync(join(cwd, 'secret.yaml'), 0o000);
    chmodSync(cwd, 0o755);
    // root reads any file; then run the CLI as an unprivileged user, as a real user would be.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    expectOneCleanLine(expansim(['validate', 'secret.yaml'], cwd, asUser), 'secret.yaml', /permission denied/);
  });
});
