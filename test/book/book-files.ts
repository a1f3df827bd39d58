/** Small books written into a temporary folder beside a copy of a bundled scenario. */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export function bookFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'expansim-book-'));
  copyFileSync(resolve('scenarios/hp-cso.yaml'), join(folder, 'base.yaml'));
  return folder;
}

export function writeIn(folder: string, name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

/** Two teams, three groups, four accounts: small enough to evaluate in a second at a coarse step. */
export const SMALL_BOOK = `name: small book
base: base.yaml
seed: 7
trials: 40
step: 2.5
teams:
  Red: { pool: 5 }
  Blue: { pool: 2.5 }
groups:
  - name: Walled enterprise
    team: Red
    overrides:
      account: { wallet: { median: 60 }, barriers: { functionalWalls: 0.8 } }
  - name: Open business
    team: Red
    count: 2
    overrides:
      account: { wallet: { median: 15 }, barriers: { functionalWalls: 0.3, hardwareImage: 0.4 } }
  - name: Small repurchase
    team: Blue
    overrides:
      account: { wallet: { median: 4 } }
`;
