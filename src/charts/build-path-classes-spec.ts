/**
 * Chart 10: why it won. Every account is classed once by its path under each
 * strategy of the compared pair; per class, the share of accounts, the mean
 * NPV difference a − b within it, and their product, the class's
 * contribution to the average gap (the contributions add up to it).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ConcatSpec, PositionDef } from './spec-types.ts';
import type { PathClassesData } from '../stats/prepare-chart-data.ts';
import type { PathClass } from '../stats/path-classes.ts';
import { CHART_CONFIG, NEUTRAL_COLOR, pairColors, shortName } from './chart-theme.ts';
import { formatMoney, formatPercent, moneyUnit, rowNumber } from './format-figures.ts';
import { wrapTitle } from './wrap-title.ts';

type Family = 'migrating' | 'starting' | 'holding';

/** Path classes as a slide names them, by the kind of plan (see path-classes.ts). */
export const PATH_LABELS: Record<Family, Record<string, string>> = {
  migrating: {
    churned: 'Churned',
    migratedFully: 'Opened upstream',
    stalledAtMidstream: 'Stalled at midstream',
    stuckByTrap: 'Stuck in the downstream trap',
    neverMigrated: 'Never migrated (no trap)',
  },
  starting: {
    churned: 'Churned',
    failedDelivery: 'A delivery failed',
    upstreamReached: 'Won upstream',
    capacityStarved: 'No upstream win, short of FTE',
    upstreamNotReached: 'No upstream win, enough FTE',
  },
  holding: {
    churned: 'Churned',
    heldDownstream: 'Stayed downstream',
  },
};

/** Each class as the accounts it holds, for the title. */
const PATH_ACCOUNTS: Record<Family, Record<string, (name: string) => string>> = {
  migrating: {
    churned: (n) => `accounts ${n} loses to churn`,
    migratedFully: (n) => `accounts where ${n} opens upstream`,
    stalledAtMidstream: (n) => `accounts where ${n} stalls at midstream`,
    stuckByTrap: (n) => `accounts ${n} never leaves downstream, stuck in the trap`,
    neverMigrated: (n) => `accounts ${n} never leaves downstream`,
  },
  starting: {
    churned: (n) => `accounts ${n} loses to churn`,
    failedDelivery: (n) => `accounts where an ${n} delivery fails`,
    upstreamReached: (n) => `accounts where ${n} wins upstream`,
    capacityStarved: (n) => `accounts where ${n} is short of FTE and never wins upstream`,
    upstreamNotReached: (n) => `accounts where ${n} never wins upstream`,
  },
  holding: {
    churned: (n) => `accounts ${n} loses to churn`,
    heldDownstream: (n) => `accounts ${n} keeps downstream`,
  },
};

function familyOf(classes: Record<string, PathClass>): Family {
  if ('migratedFully' in classes) return 'migrating';
  return 'failedDelivery' in classes ? 'starting' : 'holding';
}

interface ClassRow {
  strategy: string;
  key: string;
  label: string;
  description: string;
  trials: number;
  share: number;
  shareLabel: string;
  meanDiff: number | null;
  meanLabel: string;
  contribution: number;
  contributionLabel: string;
  side: string;
}

/** The pair's short names and the legend of each side of the difference. */
function pairNames(data: PathClassesData) {
  const [a, b] = [shortName(data.pair.a), shortName(data.pair.b)];
  return { a, b, aAhead: `${a} ahead`, bAhead: `${b} ahead` };
}

function classRows(data: PathClassesData, strategy: string): ClassRow[] {
  const classes = data.classes[strategy]!;
  const labels = PATH_LABELS[familyOf(classes)];
  const { aAhead, bAhead } = pairNames(data);
  return Object.entries(classes).map(([key, c]) => {
    const contribution = c.meanNpvDiff === null ? 0 : c.share * c.meanNpvDiff;
    return {
      strategy,
      key,
      label: labels[key]!,
      description: c.description,
      trials: c.trials,
      share: rowNumber(c.share),
      shareLabel: formatPercent(c.share),
      meanDiff: c.meanNpvDiff === null ? null : rowNumber(c.meanNpvDiff),
      meanLabel: c.meanNpvDiff === null ? 'no accounts' : formatMoney(c.meanNpvDiff, data.currency, true),
      contribution: rowNumber(contribution),
      contributionLabel: c.meanNpvDiff === null ? '' : formatMoney(contribution, data.currency, true),
      side: (c.meanNpvDiff ?? 0) >= 0 ? aAhead : bAhead,
    };
  });
}

/** The pair's rows, the baseline's (b) first. */
function pairRows(data: PathClassesData): ClassRow[] {
  return [...classRows(data, data.pair.b.key), ...classRows(data, data.pair.a.key)];
}

/** The finding: the class that carries most of the leader's average lead. */
export function pathClassesTitle(data: PathClassesData): string {
  const rows = pairRows(data).filter((r) => r.meanDiff !== null);
  const names = pairNames(data);
  const leader = data.meanDiff >= 0 ? names.a : names.b;
  const sign = data.meanDiff >= 0 ? 1 : -1;
  if (rows.length === 0) return 'No account took any of the classified paths';
  const best = rows.reduce((a, b) => (sign * b.contribution > sign * a.contribution ? b : a));
  const name = best.strategy === data.pair.a.key ? names.a : names.b;
  const accounts = PATH_ACCOUNTS[familyOf(data.classes[best.strategy]!)][best.key]!(name);
  const each = formatMoney(Math.abs(best.meanDiff!), data.currency);
  if (sign * best.contribution <= 0) return `No path class favours ${leader}: its lead is spread thinly`;
  return `${leader}'s lead comes from the ${formatPercent(best.share)} of ${accounts}: ${leader} earns ${each} more on each`;
}

/** Why a class's share is not the table's: classes are tested top down and the first that fits takes the account. */
function precedenceLines(data: PathClassesData): string[] {
  const names = pairNames(data);
  const share = (key: string) => formatPercent(data.upstreamWinShare[key] ?? 0);
  return [
    'Each account takes the first class that fits, top down, so one that won upstream and then churned counts as Churned.',
    `Won upstream at all by the horizon, as in the table: ${names.a} ${share(data.pair.a.key)}, ${names.b} ${share(data.pair.b.key)}.`,
  ];
}

export function buildPathClassesSpec(data: PathClassesData): TopLevelSpec {
  const unit = moneyUnit(data.currency);
  const names = pairNames(data);
  const sideScale = { domain: [names.aAhead, names.bAhead], range: pairColors(data.strategies, data.pair) };
  const all = pairRows(data);
  const extent = (read: (r: ClassRow) => number): [number, number] => {
    const values = all.map(read);
    const low = Math.min(0, ...values);
    const high = Math.max(0, ...values);
    const pad = 0.32 * (high - low || 1);
    return [rowNumber(low < 0 ? low - pad : 0), rowNumber(high > 0 ? high + pad : 0)];
  };
  const meanDomain = extent((r) => r.meanDiff ?? 0);
  const contributionDomain = extent((r) => r.contribution);
  const tooltip = [
    { field: 'label', title: 'Path' },
    { field: 'description', title: 'Meaning' },
    { field: 'trials', title: 'Accounts', format: ',' },
    { field: 'share', title: 'Share of accounts', format: '.1%' },
    { field: 'meanDiff', title: `Mean ${names.a} − ${names.b} (${unit})`, format: '+,.3f' },
    { field: 'contribution', title: `Contribution to the gap (${unit})`, format: '+,.3f' },
  ];
  const zero = { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: 'black', strokeWidth: 1.5 }, encoding: { x: { field: 'zero', type: 'quantitative' } } } as const;
  const row = (strategy: string): ConcatSpec[] => {
    const rows = all.filter((r) => r.strategy === strategy);
    const y: PositionDef = { field: 'label', type: 'nominal', sort: rows.map((r) => r.label), title: `Path under ${strategy === data.pair.a.key ? names.a : names.b}`, axis: { titleFontSize: 15, titleFontWeight: 'bold', titlePadding: 14 } };
    const yBare: PositionDef = { ...y, axis: null };
    const heading = (text: string) => (strategy === data.pair.b.key ? { title: { text, fontSize: 15, subtitle: '', offset: 10 } } : {});
    const diverging = (field: 'meanDiff' | 'contribution', labelField: string, domain: [number, number], title: string): ConcatSpec => ({
      ...heading(field === 'meanDiff' ? `${names.a} − ${names.b} within the path` : 'Contribution to the average gap'),
      data: { values: rows },
      width: 250,
      height: { step: 30 },
      layer: [
        {
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: {
            y: yBare,
            x: { field, type: 'quantitative', title, scale: { domain, nice: false }, axis: { tickCount: 4 } },
            x2: { datum: 0 },
            color: { field: 'side', type: 'nominal', title: null, scale: sideScale },
            tooltip,
          },
        },
        zero,
        {
          transform: [{ filter: `datum.${field} === null || datum.${field} >= 0` }, { calculate: `datum.${field} === null ? 0 : datum.${field}`, as: 'labelAt' }],
          mark: { type: 'text', align: 'left', dx: 5, fontSize: 13, color: '#1a1a1a' },
          encoding: { y: yBare, x: { field: 'labelAt', type: 'quantitative' }, text: { field: labelField } },
        },
        {
          transform: [{ filter: `datum.${field} !== null && datum.${field} < 0` }],
          mark: { type: 'text', align: 'right', dx: -5, fontSize: 13, color: '#1a1a1a' },
          encoding: { y: yBare, x: { field, type: 'quantitative' }, text: { field: labelField } },
        },
      ],
    });
    return [
      {
        ...heading('How common the path is'),
        data: { values: rows },
        width: 180,
        height: { step: 30 },
        layer: [
          {
            mark: { type: 'bar', height: { band: 0.7 }, color: '#9e9e9e' },
            encoding: { y, x: { field: 'share', type: 'quantitative', title: 'Share of accounts', scale: { domain: [0, 1] }, axis: { format: '.0%', values: [0, 0.5, 1] } }, tooltip },
          },
          {
            mark: { type: 'text', align: 'left', dx: 5, fontSize: 13, color: NEUTRAL_COLOR },
            encoding: { y, x: { field: 'share', type: 'quantitative' }, text: { field: 'shareLabel' } },
          },
        ],
      },
      diverging('meanDiff', 'meanLabel', meanDomain, `Mean per account (${unit})`),
      diverging('contribution', 'contributionLabel', contributionDomain, `Share × mean (${unit})`),
    ];
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    config: CHART_CONFIG,
    title: {
      text: wrapTitle(pathClassesTitle(data)),
      subtitle: [
        `Each account is classed once by its path under ${names.b} (top) and once by its path under ${names.a} (bottom).`,
        `Right: share × mean; each set of contributions adds up to the average gap, ${names.a} − ${names.b} ${formatMoney(data.meanDiff, data.currency, true)} per account.`,
        ...precedenceLines(data),
      ],
    },
    concat: [...row(data.pair.b.key), ...row(data.pair.a.key)],
    columns: 3,
    spacing: { column: 36, row: 28 },
    resolve: { scale: { y: 'independent' } },
  };
}
