/**
 * The notebooks run top to bottom, headless, as `npm run notebooks` runs them: a notebook that
 * breaks when the library API changes fails here. Skipped (with the reason) only outside CI when
 * Jupyter's nbconvert or Deno cannot be had; under CI=1 their absence is a failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { localLinks } from '../../scripts/self-contained-html.ts';
import { describe, expect, it } from 'vitest';
import { EXIT_PREREQUISITES, notebookArguments, silentCells } from '../../scripts/run-notebooks.ts';

const NOTEBOOKS = readdirSync('notebooks').filter((file) => file.endsWith('.ipynb')).sort();

describe('notebooks/', () => {
  it('holds the three notebooks, each on the Deno kernel and importing the library API', () => {
    expect(NOTEBOOKS).toEqual(['ato-vs-fitd.ipynb', 'calibrate-your-account.ipynb', 'where-the-decision-flips.ipynb']);
    for (const file of NOTEBOOKS) {
      const notebook = JSON.parse(readFileSync(join('notebooks', file), 'utf8'));
      expect(notebook.metadata.kernelspec).toMatchObject({ name: 'deno', language: 'typescript' });
      const code = notebook.cells.filter((cell: { cell_type: string }) => cell.cell_type === 'code').map((cell: { source: string[] }) => cell.source.join('')).join('\n');
      expect(code).toContain("from '../src/index.ts'");
      // Only the library API: no deep imports into src/ (the CLI included).
      expect(code).not.toMatch(/'\.\.\/src\/(?!index\.ts')/);
      // Committed without outputs: they are made by running.
      expect(notebook.cells.every((cell: { outputs?: unknown[] }) => (cell.outputs ?? []).length === 0)).toBe(true);
    }
  });

  it('reads its arguments: the notebooks named, else all; --output-dir needs a folder', () => {
    expect(notebookArguments(['notebooks/ato-vs-fitd.ipynb'])).toMatchObject({ notebooks: [resolve('notebooks/ato-vs-fitd.ipynb')] });
    expect(notebookArguments(['--output-dir', 'out', 'a.ipynb', 'b.ipynb'])).toEqual({ outputDir: resolve('out'), notebooks: [resolve('a.ipynb'), resolve('b.ipynb')] });
    expect(notebookArguments([])).toMatchObject({ notebooks: NOTEBOOKS.map((file) => resolve('notebooks', file)) });
    expect(notebookArguments(['--output-dir'])).toEqual({ error: '--output-dir needs a folder' });
  });

  it('finds cells that came back without their output', () => {
    const cell = (source: string, outputs: unknown[]) => ({ cell_type: 'code', source, outputs });
    const notebook = { cells: [cell('async function showChart(spec) {\n  await Deno.jupyter.display(x);\n}', []), cell('await showChart(spec);', []), cell('console.log(1);', [{ output_type: 'stream' }])] };
    expect(silentCells(JSON.stringify(notebook))).toEqual([2]);
  });

  it('runs every notebook headless and writes its HTML copy with the charts in it', (context) => {
    const outputDir = mkdtempSync(join(tmpdir(), 'expansim-notebooks-'));
    const result = spawnSync(process.execPath, [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/run-notebooks.ts', '--output-dir', outputDir], { encoding: 'utf8', timeout: 900_000 });
    if (result.status === EXIT_PREREQUISITES && !process.env.CI) {
      context.skip(`Jupyter or Deno cannot be had here: ${result.stderr.trim()}`);
    }
    expect(result.stderr).not.toMatch(/✖/);
    expect(result.status).toBe(0);
    for (const file of NOTEBOOKS) {
      const html = readFileSync(join(outputDir, file.replace(/\.ipynb$/, '.html')), 'utf8');
      expect(html.split('<img src="data:image/svg+xml').length - 1).toBeGreaterThanOrEqual(2);
      // Shareable: nothing loaded from this machine's disk.
      expect(localLinks(html)).toEqual([]);
      expect(html).not.toMatch(/class="[^"]*jp-OutputArea-output[^"]*"[^>]*data-mime-type="application\/vnd\.jupyter\.stderr"/);
    }
  });
});
