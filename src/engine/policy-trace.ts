/**
 * A trial's story under one strategy (for `expansim explain`): what happened
 * each month. Recorded only when asked for; the hot loop checks one field.
 */

export type TraceEvent =
  | { month: number; kind: 'opened'; stream: number; activeFrom: number }
  | { month: number; kind: 'build'; amount: number }
  | { month: number; kind: 'won' | 'lost'; stream: number; type: number; value: number; stages: number; discount: number }
  | { month: number; kind: 'deliveryFailed'; stream: number; type: number; value: number; marginLost: number }
  | { month: number; kind: 'churned' };

export interface MonthSnapshot {
  month: number;
  /** Hardware image and relationship capital at the end of the month. */
  image: number;
  relationship: number;
  /** Margin and cost of sale booked this month, and the discounted cumulative cash after it. */
  margin: number;
  cost: number;
  cumulativeCash: number;
  /** Opportunities seen in covered streams so far. */
  seen: number;
  /** Whether the downstream trap held at this month's migration step (plans that migrate only). */
  trapped: boolean;
}

/** One opportunity the vendor saw and pursued (MODEL.md §3.3 step 8), with what §3.4 decided about it. */
export interface PursuedOpportunity {
  /** Month it arrived and was pursued. */
  month: number;
  stream: number;
  type: number;
  value: number;
  /** Month it closes, or null if that falls at or after the horizon (still open at T). */
  closeMonth: number | null;
  /** All stages passed (decided when pursued; booked only if it closes). */
  won: boolean;
  stagesPassed: number;
  early: boolean;
  /** p: the win probability after every factor and the cap. */
  winProbability: number;
  discount: number;
}

export interface PolicyTrace {
  events: TraceEvent[];
  months: MonthSnapshot[];
  pursued: PursuedOpportunity[];
}

export function createPolicyTrace(): PolicyTrace {
  return { events: [], months: [], pursued: [] };
}
