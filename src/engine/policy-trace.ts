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
  /** Whether the downstream trap held at this month's migration step (FITD only). */
  trapped: boolean;
}

export interface PolicyTrace {
  events: TraceEvent[];
  months: MonthSnapshot[];
}

export function createPolicyTrace(): PolicyTrace {
  return { events: [], months: [] };
}
