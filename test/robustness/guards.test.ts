/**
 * Guards that cannot be walked around: input read through one bounded reader
 * (regular files only, a byte limit), a trial's world bounded as it is
 * generated, and a run.json validated before `run --check` trusts it.
 */
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/cli-io.ts';
import { BIN, startExpansim, workspace } from './cli-process.ts';

function capture(): CliIo & { stdout: string; stderr: string } {
  const io = { stdout: '', stderr: '', interactive: false, out: (text: string) => void (io.stdout += text), err: (text: string) => void (io.stderr += text) };
  return io;
}

async function run(args: string[]) {
  const io = capture();
  const code = await main(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/** Waits for the child to exit (the observable event; no timer) and collects its output. */
function finished(child: ReturnType<typeof spawn>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += String(chunk)));
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })));
}

describe('input files are read through a bounded reader', () => {
  it('validate /dev/zero: refused as a device, at once, without reading it', async () => {
    expect(await run(['validate', '/dev/zero'])).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "✖ /dev/zero: is a device, not a scenario file (only regular files are read)
      ",
        "stdout": "",
      }
    `);
  });

  it('a named pipe with no writer: refused, without blocking', async () => {
    const cwd = workspace();
    execFileSync('mkfifo', [join(cwd, 'pipe.yaml')]);
    const result = await finished(startExpansim(['validate', 'pipe.yaml'], cwd));
    expect(result).toEqual({ code: 2, stdout: '', stderr: '✖ pipe.yaml: is a named pipe, not a scenario file (only regular files are read)\n' });
  });

  it('a directory, for a scenario and for a deal file', async () => {
    const cwd = workspace();
    mkdirSync(join(cwd, 'folder.yaml'));
    expect((await run(['validate', join(cwd, 'folder.yaml')])).stderr).toBe(`✖ ${join(cwd, 'folder.yaml')}: is a directory, not a scenario file\n`);
    const deals = await run(['calibrate', cwd]);
    expect(deals.code).toBe(2);
    expect(deals.stderr).toBe(`✖ ${cwd}: is a directory, not a CSV file\n`);
  });

  it("calibrate's deal file: a device is refused like a scenario", async () => {
    expect(await run(['calibrate', '/dev/zero'])).toEqual({ code: 2, stdout: '', stderr: '✖ /dev/zero: is a device, not a CSV file (only regular files are read)\n' });
  });

  it('a scenario past the byte limit says the limit', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'big.yaml'), `name: big\n#${'x'.repeat(1024 * 1024)}\n`);
    expect((await run(['validate', join(cwd, 'big.yaml')])).stderr).toBe(`✖ ${join(cwd, 'big.yaml')}: is too large for a scenario file (the limit is 1 MiB)\n`);
  });
});

describe("a trial's world is bounded as it is generated", () => {
  // A tiny median with the widest spread passes the up-front guard (sized at the wallet's
  // 99.99th percentile: about 1.6 million opportunities) but some trials lie far above it.
  const lucky = 'name: lucky\naccount:\n  wallet:\n    median: 0.001\n    sigma: 5\n';
  const message = (trial: string | number, wallet: string, count: string) =>
    `✖ trial ${trial}'s account, with a wallet of $${wallet}M a year (account.wallet: median 0.001, sigma 5), would bring ${count} opportunities into its world; ` +
    'the limit is 2,000,000 a trial. Lower account.wallet.sigma or account.wallet.median (in $M a year), or raise model.streams.*.dealSize (in $M).\n';

  it('a trial far past the limit (seed 3471, trial 4: z = 4.1) stops before its world is allocated, memory bounded, with exit 2', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'lucky.yaml'), lucky);
    // The child reports its peak memory as it exits; unbounded, this world alone is over 2 GB.
    const peak = 'data:text/javascript,process.on("exit",()=>process.stderr.write("peak "+process.resourceUsage().maxRSS+"\\n"))';
    const child = spawn(process.execPath, ['--import', peak, BIN, 'run', 'lucky.yaml', '--seed', '3471', '--trials', '20', '--workers', '1', '--no-charts', '--no-ablate'], {
      cwd,
      env: { ...process.env, EXPANSIM_DEBUG: '' },
    });
    const result = await finished(child);
    const [text, peakLine] = result.stderr.split(/(?=peak \d+\n$)/);
    expect(result.code).toBe(2);
    expect(text).toBe(message(4, '718,000', 'about 9,763,070'));
    expect(Number(peakLine!.slice(5)) * 1024).toBeLessThan(600 * 2 ** 20);
    expect(existsSync(join(cwd, 'output'))).toBe(false);
  });

  it('in a worker thread, the same error comes back as data and exit 2, not a crash', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'lucky.yaml'), lucky);
    const result = await run(['run', join(cwd, 'lucky.yaml'), '--seed', '3471', '--trials', '1000', '--workers', '2', '--no-charts', '--no-ablate', '--quiet', '--out', join(cwd, 'out')]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: message(4, '718,000', 'about 9,763,070') });
    expect(existsSync(join(cwd, 'out'))).toBe(false);
  });

  it('a trial just past the limit (seed 1, trial 45,838: 3.1 million expected, under the up-front refusal at 4 million) is stopped as its counts are drawn', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'lucky.yaml'), `${lucky}trials: 50000\n`);
    const result = await run(['explain', join(cwd, 'lucky.yaml'), '--seed', '1', '--trial', '45838']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: message('45,838', '225,000', 'at least 2,019,498') });
  });
});

describe('run --check validates run.json like a scenario', () => {
  let folder: string;
  beforeAll(async () => {
    folder = join(workspace(), 'run');
    const result = await run(['run', resolve('scenarios/hp-cso.yaml'), '--trials', '40', '--workers', '1', '--no-charts', '--no-ablate', '--quiet', '--out', folder]);
    expect(result.code).toBe(0);
  });

  function tampered(edit: (record: Record<string, unknown>) => unknown): string {
    const copy = join(workspace(), 'run');
    cpSync(folder, copy, { recursive: true });
    const record = JSON.parse(readFileSync(join(copy, 'run.json'), 'utf8')) as Record<string, unknown>;
    const edited = edit(record);
    writeFileSync(join(copy, 'run.json'), typeof edited === 'string' ? edited : JSON.stringify(edited ?? record));
    return join(copy, 'run.json');
  }

  async function check(runJson: string) {
    const result = await run(['run', '--check', runJson, '--workers', '1']);
    return { code: result.code, stdout: result.stdout, stderr: result.stderr.replaceAll(runJson, 'run.json') };
  }

  it('the untouched record reproduces', async () => {
    const result = await check(join(folder, 'run.json'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/reproduces byte for byte \(40 trials, seed 1;/);
  });

  it('bad JSON', async () => {
    const result = await check(tampered(() => '{"tool": "expansim",'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^✖ run\.json: not a run record: invalid JSON \(.+\)\n$/);
  });

  it('missing fields, wrong types and absurd trials each name their field', async () => {
    const missing = await check(tampered((r) => ({ ...r, analysis: undefined, seed: undefined })));
    expect(missing).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "✖ run.json seed: is required
      ✖ run.json analysis: is required (a run.json written by expansim run or merge)
      ",
        "stdout": "",
      }
    `);
    const types = await check(tampered((r) => ({ ...r, seed: 'one', analysis: { ...(r.analysis as object), ablate: 'no', precision: 7 } })));
    expect(types.stderr).toMatchInlineSnapshot(`
      "✖ run.json seed: must be a whole number (got "one")
      ✖ run.json analysis.ablate: must be true or false
      ✖ run.json analysis.precision: must be a mapping (target, relative, maxTrials) or null
      "
    `);
    const absurd = await check(tampered((r) => ({ ...r, analysis: { ...(r.analysis as object), trials: 1e15, ablationTrials: -3 } })));
    expect(absurd.stderr).toMatchInlineSnapshot(`
      "✖ run.json analysis.trials: must be between 1 and 1000000000 (got 1000000000000000)
      ✖ run.json analysis.ablationTrials: must be between 2 and 1000000000 (got -3)
      "
    `);
    const other = await check(tampered((r) => ({ ...r, tool: 'something-else' })));
    expect(other.stderr).toBe('✖ run.json tool: must be "expansim" (this is not the run.json of an expansim run)\n');
  });

  it('trials within the schema but past this machine are refused before anything runs', async () => {
    const result = await check(tampered((r) => ({ ...r, analysis: { ...(r.analysis as object), trials: 1_000_000_000 } })));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^✖ run\.json: 1,000,000,000 trials need about [\d.]+ GB/);
  });

  it('a run.json that is a device or a directory', async () => {
    expect((await check('/dev/zero')).stderr).toBe('✖ run.json: is a device, not the record of a run (only regular files are read)\n');
    expect((await check(folder)).stderr).toBe('✖ run.json: is a directory, not the record of a run\n');
  });
});

describe('values that validate but break the run, and the messages that refuse them', () => {
  async function validate(yaml: string) {
    const cwd = workspace();
    writeFileSync(join(cwd, 's.yaml'), yaml);
    const result = await run(['validate', join(cwd, 's.yaml')]);
    return { code: result.code, stderr: result.stderr.replaceAll(join(cwd, 's.yaml'), 's.yaml') };
  }

  it('buildCost 1e308 is refused, naming the field and its bound', async () => {
    expect(await validate('name: t\nstrategies:\n  fitd: { buildCost: 1e308 }\n  ato: { buildCost: 1e308 }\n')).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "✖ s.yaml:3 strategies.fitd.buildCost: must be between 0 and 100000 (got 1e+308)
      ✖ s.yaml:4 strategies.ato.buildCost: must be between 0 and 100000 (got 1e+308)
      ",
      }
    `);
  });

  it('every numeric field of the schema has a finite bound', async () => {
    const { scenarioJsonSchema } = await import('../../src/scenario/json-schema.ts');
    const unbounded: string[] = [];
    const visit = (node: Record<string, unknown>, path: string) => {
      const properties = node.properties as Record<string, Record<string, unknown>> | undefined;
      if (properties) for (const [key, child] of Object.entries(properties)) visit(child, path ? `${path}.${key}` : key);
      else if ((node.type === 'number' || node.type === 'integer') && !Number.isFinite(node.maximum)) unbounded.push(path);
      else if (node.type === 'string' && !node.enum && !Number.isFinite(node.maxLength)) unbounded.push(path);
    };
    visit(scenarioJsonSchema(), '');
    expect(unbounded).toEqual([]);
  });

  it('seed 1e20 says the allowed range; a fraction says whole number', async () => {
    expect((await validate('name: t\nseed: 1e20\n')).stderr).toMatchInlineSnapshot(`
      "✖ s.yaml:2 seed: must be between 0 and 9007199254740991 (got 100000000000000000000)
      "
    `);
    expect((await validate('name: t\nseed: 1.5\n')).stderr).toBe('✖ s.yaml:2 seed: must be a whole number (got 1.5)\n');
  });

  it('length limits say the limit', async () => {
    const result = await validate(`name: ${'n'.repeat(101)}\ndescription: ${'d'.repeat(10_001)}\ncurrency: DOLLARS-OF-OZ\n`);
    expect(result.stderr).toMatchInlineSnapshot(`
      "✖ s.yaml:1 name: must be at most 100 characters (got 101)
      ✖ s.yaml:2 description: must be at most 10,000 characters (got 10,001)
      ✖ s.yaml:3 currency: must be at most 10 characters (got 13)
      "
    `);
    expect((await validate('name: t\ncurrency: ""\ndescription: 7\n')).stderr).toMatchInlineSnapshot(`
      "✖ s.yaml:2 currency: must not be empty
      ✖ s.yaml:3 description: must be text of at most 10,000 characters (got 7)
      "
    `);
  });

  it('the deal-size guard prints a huge count compactly', async () => {
    const cwd = workspace();
    writeFileSync(join(cwd, 'tiny.yaml'), 'name: tiny\nmodel:\n  streams:\n    downstream:\n      dealSize: { repurchase: 1e-300 }\n');
    const result = await run(['run', join(cwd, 'tiny.yaml'), '--trials', '10', '--no-charts', '--quiet', '--out', join(cwd, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatchInlineSnapshot(`
      "✖ the wallet and deal sizes imply about 4.7e+302 opportunities in one account's world (at the wallet's 99.99th percentile); the limit is 2,000,000. Check account.wallet (in $M a year) and model.streams.*.dealSize (in $M).
      "
    `);
  });
});
