import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initCommand } from '../../src/cli/commands/simple-commands.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { loadScenario } from '../../src/scenario/load-scenario.ts';
import { shellQuote } from '../../src/cli/shell-quote.ts';

function captured(): CliIo & { text: () => string } {
  let out = '';
  return { out: (text) => (out += text), err: () => {}, interactive: false, text: () => out };
}

describe('init', () => {
  it('makes missing folders, writes JSON for a .json name, and quotes the path in its hint', () => {
    const root = mkdtempSync(join(tmpdir(), 'expansim-init-'));
    const file = join(root, "new dir/it's/acme.json");
    const io = captured();
    initCommand(file, false, io);
    const json = JSON.parse(readFileSync(file, 'utf8'));
    expect(json).toMatchObject({ name: 'acme', trials: 20000 });
    expect(json.$schema).toMatch(/expansim\.schema\.json$/);
    expect(loadScenario(file).scenario.name).toBe('acme');
    expect(io.text()).toBe(`Wrote ${file}. Edit it, then: npx expansim run ${shellQuote(file)}\n`);
    expect(shellQuote("new dir/it's/acme.json")).toBe(`'new dir/it'\\''s/acme.json'`);
    expect(shellQuote('scenarios/acme.yaml')).toBe('scenarios/acme.yaml');
  });

  it('refuses a name that is neither YAML nor JSON, and says why a folder cannot be made', () => {
    const root = mkdtempSync(join(tmpdir(), 'expansim-init-'));
    expect(() => initCommand(join(root, 'x.txt'), false, captured())).toThrow(/YAML \(\.yaml, \.yml\) or JSON \(\.json\)/);
    writeFileSync(join(root, 'afile'), '');
    expect(() => initCommand(join(root, 'afile/x.yaml'), false, captured())).toThrow(/cannot create the folder .*afile for .*: a part of the path is a file, not a folder/);
  });
});
