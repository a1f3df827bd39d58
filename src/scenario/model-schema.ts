/**
 * The `model:` section of a scenario: every coefficient of MODEL.md, each with
 * its default from MODEL.md §4 and the formula it enters, so a scenario can
 * calibrate or ablate one mechanism at a time.
 */
import { MAX_MONEY, nonNegativeField, numberField, section, unitField } from './fields.ts';

interface StreamDefaults {
  walletShare: number;
  visibility: number;
  earlyEntry: number;
  grossMargin: number;
  baseDiscount: number;
  purchasingDiscount: number;
  coverageCost: number;
  pursuitCost: number;
  relationshipGain: number;
  annuityRate: number;
  annuityMargin: number;
  mix: [number, number, number, number];
  dealSize: [number, number, number, number];
}

const STREAM_DEFAULTS: Record<'downstream' | 'midstream' | 'upstream', StreamDefaults> = {
  downstream: {
    walletShare: 0.4, visibility: 0.95, earlyEntry: 0.3, grossMargin: 0.3, baseDiscount: 0.1, purchasingDiscount: 0.15,
    coverageCost: 0.01, pursuitCost: 0.005, relationshipGain: 0.3, annuityRate: 0.15, annuityMargin: 0.5,
    mix: [0.5, 0.3, 0.2, 0], dealSize: [0.15, 0.5, 0.4, 1.0],
  },
  midstream: {
    walletShare: 0.3, visibility: 0.8, earlyEntry: 0.25, grossMargin: 0.3, baseDiscount: 0.08, purchasingDiscount: 0.1,
    coverageCost: 0.015, pursuitCost: 0.01, relationshipGain: 1.0, annuityRate: 0.1, annuityMargin: 0.3,
    mix: [0.1, 0.25, 0.4, 0.25], dealSize: [0.3, 1.0, 1.0, 2.0],
  },
  upstream: {
    walletShare: 0.3, visibility: 0.6, earlyEntry: 0.2, grossMargin: 0.4, baseDiscount: 0.05, purchasingDiscount: 0.05,
    coverageCost: 0.025, pursuitCost: 0.02, relationshipGain: 2.0, annuityRate: 0, annuityMargin: 0,
    mix: [0, 0, 0.3, 0.7], dealSize: [0.5, 0.5, 1.0, 3.0],
  },
};

function perProjectType(values: readonly number[], describe: (type: string) => string, positive: boolean) {
  const field = (i: number, type: string) =>
    (positive ? numberField({ description: describe(type), above: 0, max: MAX_MONEY }) : unitField(describe(type))).default(values[i]!);
  return {
    repurchase: field(0, 'repurchase (REP)'),
    replacement: field(1, 'replacement (RPL)'),
    expansion: field(2, 'expansion (EXP)'),
    innovation: field(3, 'innovation (INN)'),
  };
}

function streamSection(name: string, d: StreamDefaults) {
  return section(
    {
      walletShare: unitField(`ω: share of the account's IT wallet in ${name}; the three shares sum to 1.`).default(d.walletShare),
      visibility: unitField('ν0: base probability that the vendor sees an opportunity before walls, IT control and executives hide it.').default(d.visibility),
      earlyEntry: unitField('e0: base probability of entering an opportunity early (shaping it) rather than late.').default(d.earlyEntry),
      grossMargin: unitField('g: list gross margin of a deal; a won deal books margin V·(g − d).').default(d.grossMargin),
      baseDiscount: unitField('d0: base discount off list value.').default(d.baseDiscount),
      purchasingDiscount: unitField('θ: extra discount per unit of purchasing control (PUR).').default(d.purchasingDiscount),
      coverageCost: unitField('cov: yearly cost of covering the stream, as a share of the stream wallet ω·W; paid monthly while active.').default(d.coverageCost),
      pursuitCost: unitField('pc: pursuit cost per stage reached, as a share of the deal value V; paid at close.').default(d.pursuitCost),
      relationshipGain: nonNegativeField('κ: relationship capital gained per $M won (deal value capped at the relationship deal-size cap).', 100).default(d.relationshipGain),
      annuityRate: unitField('Yearly annuity (support or managed service) after a win, as a share of list value V; 0 for none.').default(d.annuityRate),
      annuityMargin: unitField('Gross margin of that annuity revenue.').default(d.annuityMargin),
      opportunityMix: section(
        perProjectType(d.mix, (t) => `π: share of the stream wallet spent on ${t} projects.`, false),
        `π: how ${name} spend splits by project type; sums to 1 (or all 0 for a stream with no opportunities).`,
      ).prefault({}),
      dealSize: section(
        perProjectType(d.dealSize, (t) => `v̄: mean value of a ${t} deal, $M.`, true),
        `v̄: mean deal value by project type in ${name}, $M.`,
      ).prefault({}),
    },
    `Coefficients of the ${name} stream.`,
  ).prefault({});
}

function projectTypeSection(name: string, p0: number, cycle: number, stages: number, walls: number) {
  return section(
    {
      baseWinProbability: unitField('p0: base probability of winning a pursued deal, before barriers, entry and match.').default(p0),
      meanCycleMonths: numberField({ description: 'c̄: mean sales cycle in months for a deal that goes through every stage.', min: 0, max: 240 }).default(cycle),
      stages: numberField({ description: 'n: number of stages in the sales process (at most 5).', min: 1, max: 5, integer: true }).default(stages),
      wallDecisionMakers: numberField({ description: 'Δn: extra decision-makers that functional walls bring in, at FW = 1.', min: 0, max: 50 }).default(walls),
    },
    `Coefficients of ${name} projects.`,
  ).prefault({});
}

export const modelSchema = section(
  {
    dealValueSigma: numberField({ description: 'σ_V: log-scale spread of deal values around their mean.', min: 0, max: 5 }).default(0.8),
    streams: section(
      {
        downstream: streamSection('downstream (platforms, boxes, support)', STREAM_DEFAULTS.downstream),
        midstream: streamSection('midstream (integration, applications, managed services)', STREAM_DEFAULTS.midstream),
        upstream: streamSection('upstream (advisory, problem definition, innovation)', STREAM_DEFAULTS.upstream),
      },
      'Per-stream coefficients (MODEL.md §4).',
    ).prefault({}),
    projectTypes: section(
      {
        repurchase: projectTypeSection('repurchase', 0.75, 1.5, 4, 1),
        replacement: projectTypeSection('replacement', 0.45, 5, 4, 2),
        expansion: projectTypeSection('expansion', 0.4, 7, 4, 3),
        innovation: projectTypeSection('innovation', 0.35, 15, 5, 4),
      },
      'Per-project-type coefficients (MODEL.md §4).',
    ).prefault({}),
    visibility: section(
      {
        wallsEffect: unitField('Visibility lost outside downstream at full functional walls: factor (1 − this·FW).').default(0.5),
        itControlEffect: unitField('Visibility lost outside downstream at full IT vendor control: factor (1 − this·ITC).').default(0.6),
        executiveEffect: unitField('Upstream visibility lost at full executive reluctance: factor (1 − this·EXR).').default(0.6),
      },
      'How barriers hide opportunities (MODEL.md §3.4).',
    ).prefault({}),
    earlyEntry: section(
      {
        imageEffect: unitField('Early entry lost at a full hardware image: factor (1 − this·IMG).').default(0.7),
        relationshipEffect: nonNegativeField('Early entry gained per unit of relationship capital: factor (1 + this·min(R, cap)).', 100).default(0.3),
        relationshipCap: nonNegativeField('Relationship capital beyond this level no longer helps early entry.', 1000).default(5),
        pullThroughBoost: unitField('Added to the early-entry probability outside upstream during a pull-through window.').default(0.3),
        max: unitField('Ceiling on the early-entry probability.').default(0.95),
      },
      'Early versus late entry (MODEL.md §3.4).',
    ).prefault({}),
    winProbability: section(
      {
        lateEntryFactor: unitField('L: win probability multiplier for a late entrant.').default(0.6),
        competencyExponent: nonNegativeField('β: exponent on the resource and competency match q.', 20).default(1.5),
        imageEffect: unitField('Win probability lost outside downstream at a full hardware image: factor (1 − this·IMG).').default(0.5),
        executiveEffect: unitField('Upstream win probability lost at full executive reluctance: factor (1 − this·EXR).').default(0.5),
        pullThroughBoost: numberField({ description: 'Win probability multiplier outside upstream during a pull-through window.', min: 0, max: 10 }).default(1.3),
        productModeFactor: unitField('m_mode: multiplier when a stream sold in product mode meets an innovation or upstream opportunity.').default(0.5),
        wallDecisionMakerPenalty: nonNegativeField('Win probability factor exp(−this·round(FW·Δn)) for the decision-makers that walls add.', 10).default(0.19),
        max: unitField('Ceiling on the win probability.').default(0.97),
      },
      'Win probability (MODEL.md §3.4).',
    ).prefault({}),
    cycle: section(
      {
        wallsEffect: nonNegativeField('Sales cycles lengthen by factor (1 + this·FW).', 10).default(0.5),
        purchasingDelayMonths: nonNegativeField('Months added to the mean cycle outside downstream per unit of purchasing control.', 240).default(1),
      },
      'Sales cycle length (MODEL.md §3.4).',
    ).prefault({}),
    discount: section(
      {
        noise: nonNegativeField('Standard deviation of the deal-to-deal discount noise.', 1).default(0.03),
        max: unitField('Ceiling on any discount.').default(0.6),
      },
      'Discounts (MODEL.md §3.4).',
    ).prefault({}),
    deliveryFailure: section(
      {
        scale: unitField('A won midstream or upstream deal fails delivery with probability this·(1 − q).').default(0.25),
        marginLoss: nonNegativeField('Margin lost on a failed delivery, as a share of V.', 10).default(0.3),
        imageHit: unitField('Hardware image added by a failed delivery.').default(0.15),
        relationshipLoss: nonNegativeField('Relationship capital lost on a failed delivery.', 1000).default(1),
      },
      'Delivery failure after a win (MODEL.md §3.5).',
    ).prefault({}),
    annuityMonths: numberField({ description: 'Term of the annuity started by a win, months.', min: 0, max: 600, integer: true }).default(36),
    relationship: section(
      {
        decay: unitField('δ: share of relationship capital lost each month.').default(0.03),
        dealSizeCap: nonNegativeField('Deal value ($M) beyond which a win adds no more relationship capital.', MAX_MONEY).default(3),
      },
      'Relationship capital R (MODEL.md §3.5).',
    ).prefault({}),
    image: section(
      {
        driftUp: unitField('η_up: monthly drift of the hardware image toward 1 while only downstream has been opened.').default(0.01),
        repairPerWin: nonNegativeField('Hardware image removed per $M won outside downstream.', 100).default(0.08),
        dealSizeCap: nonNegativeField('Deal value ($M) beyond which a win repairs the image no more.', MAX_MONEY).default(3),
      },
      'The hardware image IMG (MODEL.md §3.3, §3.5).',
    ).prefault({}),
    pullThroughMonths: numberField({ description: 'Months after an upstream win during which midstream and downstream deals are pulled through.', min: 0, max: 600, integer: true }).default(12),
    churn: section(
      {
        base: unitField('churn0: monthly probability that the account drops the vendor, before barriers and breadth.').default(0.004),
        purchasingEffect: numberField({ description: 'θ_churn: churn hazard multiplier exp(this·PUR).', min: -10, max: 10 }).default(0.5),
        multiStreamEffect: numberField({ description: 'γ_multi: churn hazard multiplier exp(−this·(active streams − 1)).', min: -10, max: 10 }).default(0.5),
      },
      'Churn (MODEL.md §3.3 step 4).',
    ).prefault({}),
    migration: section(
      {
        downToMid: section(
          {
            base: nonNegativeField('Base monthly hazard of opening midstream.', 1000).default(0.015),
            itControlEffect: unitField('Hazard lost at full IT vendor control: factor (1 − this·ITC).').default(0.3),
          },
          'H_DM: FITD migration from downstream to midstream.',
        ).prefault({}),
        midToUp: section(
          {
            base: nonNegativeField('Base monthly hazard of opening upstream once midstream is active.', 1000).default(0.01),
            itControlEffect: unitField('Hazard lost at full IT vendor control: factor (1 − this·ITC).').default(0.6),
            executiveEffect: unitField('Hazard lost at full executive reluctance: factor (1 − this·EXR).').default(0.7),
          },
          'H_MU: FITD migration from midstream to upstream.',
        ).prefault({}),
        relationshipEffect: nonNegativeField('Hazard multiplier exp(this·min(R, cap)).', 5).default(0.35),
        relationshipCap: nonNegativeField('Relationship capital beyond this level no longer speeds migration.', 100).default(6),
        wallsEffect: unitField('Hazard lost at full functional walls: factor (1 − this·FW).').default(0.6),
        imageEffect: unitField('Hazard lost at a full hardware image: factor (1 − this·IMG).').default(0.6),
        trapImageThreshold: unitField('The downstream trap holds while IMG is at least this and no upstream deal has been won.').default(0.85),
        trapFactor: unitField('λ_lock: hazard multiplier while the downstream trap holds.').default(0.2),
      },
      'FITD migration hazards (MODEL.md §3.6).',
    ).prefault({}),
  },
  'Every coefficient of MODEL.md; each defaults to its MODEL.md value.',
).prefault({});
