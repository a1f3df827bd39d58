/**
 * An earlier release as a temporary git worktree under the system's temporary
 * folder, sharing this checkout's node_modules, so a bench can load its
 * sources (through tsx) beside this checkout's in one process.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Checks out `commit` of the repository at `root`; the returned `remove` deletes the worktree again. */
export function checkOutRelease(root: string, commit: string): { folder: string; remove: () => void } {
  const parent = mkdtempSync(join(tmpdir(), 'expansim-before-'));
  const folder = join(parent, 'expansim');
  const git = (...args: string[]) => {
    const result = spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  };
  git('worktree', 'add', '--detach', folder, commit);
  symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'));
  return {
    folder,
    remove: () => {
      git('worktree', 'remove', '--force', folder);
      rmSync(parent, { recursive: true, force: true });
    },
  };
}
