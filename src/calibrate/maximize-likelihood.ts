/**
 * Maximum likelihood for a handful of parameters: coordinate-wise golden
 * section search inside bounds, polished by Newton steps, and the covariance
 * of the estimate from the inverse of the numerical Hessian (the observed
 * information). Enough for calibration's few-parameter likelihoods, without a
 * numerical library.
 */

export interface Maximum {
  at: number[];
  logLikelihood: number;
  /** Inverse observed information, or null when the Hessian is not negative definite (a parameter not identified). */
  covariance: number[][] | null;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;
const STEP = 1e-3;

function goldenSection(f: (x: number) => number, low: number, high: number): number {
  let a = low;
  let b = high;
  let c = b - GOLDEN * (b - a);
  let d = a + GOLDEN * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 80 && b - a > 1e-10; i++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - GOLDEN * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + GOLDEN * (b - a);
      fd = f(d);
    }
  }
  return (a + b) / 2;
}

/**
 * The inverse of a square matrix by Gauss–Jordan elimination with partial
 * pivoting, or null if it is singular.
 *
 * @example invertMatrix([[2, 0], [0, 4]]) // => [[0.5, 0], [0, 0.25]]
 */
export function invertMatrix(matrix: readonly (readonly number[])[]): number[][] | null {
  const n = matrix.length;
  const work = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(work[row]![column]!) > Math.abs(work[pivot]![column]!)) pivot = row;
    if (Math.abs(work[pivot]![column]!) < 1e-300) return null;
    [work[column], work[pivot]] = [work[pivot]!, work[column]!];
    const scale = work[column]![column]!;
    for (let j = 0; j < 2 * n; j++) work[column]![j]! /= scale;
    for (let row = 0; row < n; row++) {
      if (row === column) continue;
      const factor = work[row]![column]!;
      if (factor !== 0) for (let j = 0; j < 2 * n; j++) work[row]![j]! -= factor * work[column]![j]!;
    }
  }
  return work.map((row) => row.slice(n).map((value) => value + 0));
}

/** Central-difference gradient and Hessian of f at x. */
export function numericalDerivatives(f: (x: number[]) => number, x: readonly number[]): { gradient: number[]; hessian: number[][] } {
  const n = x.length;
  const at = (changes: [number, number][]) => {
    const point = [...x];
    for (const [i, delta] of changes) point[i]! += delta;
    return f(point);
  };
  const f0 = f([...x]);
  const gradient = x.map((_, i) => (at([[i, STEP]]) - at([[i, -STEP]])) / (2 * STEP));
  const hessian = x.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    hessian[i]![i] = (at([[i, STEP]]) - 2 * f0 + at([[i, -STEP]])) / (STEP * STEP);
    for (let j = i + 1; j < n; j++) {
      const value = (at([[i, STEP], [j, STEP]]) - at([[i, STEP], [j, -STEP]]) - at([[i, -STEP], [j, STEP]]) + at([[i, -STEP], [j, -STEP]])) / (4 * STEP * STEP);
      hessian[i]![j] = value;
      hessian[j]![i] = value;
    }
  }
  return { gradient, hessian };
}

function isNegativeDefinite(matrix: number[][]): boolean {
  // Cholesky of −H succeeds exactly when −H is positive definite.
  const n = matrix.length;
  const lower = matrix.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = -matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= lower[i]![k]! * lower[j]![k]!;
      if (i === j) {
        if (!(sum > 0)) return false;
        lower[i]![i] = Math.sqrt(sum);
      } else {
        lower[i]![j] = sum / lower[j]![j]!;
      }
    }
  }
  return true;
}

/**
 * Maximizes `logLikelihood` over a box: coordinate ascent until the gain is
 * below 1e-9, then up to 20 Newton steps inside the box, then the covariance
 * −H⁻¹. Bounds are inclusive; start inside them.
 *
 * Cost: a few hundred evaluations per parameter.
 */
export function maximizeLikelihood(logLikelihood: (x: number[]) => number, start: readonly number[], bounds: readonly [number, number][]): Maximum {
  const clamp = (x: number[]) => x.map((value, i) => Math.min(bounds[i]![1], Math.max(bounds[i]![0], value)));
  let x = clamp([...start]);
  let best = logLikelihood(x);
  for (let sweep = 0; sweep < 500; sweep++) {
    const before = best;
    for (let i = 0; i < x.length; i++) {
      const along = (value: number) => logLikelihood(x.map((v, j) => (j === i ? value : v)));
      const value = goldenSection(along, bounds[i]![0], bounds[i]![1]);
      const candidate = along(value);
      if (candidate >= best) {
        x[i] = value;
        best = candidate;
      }
    }
    if (best - before < 1e-9) break;
  }
  for (let step = 0; step < 20; step++) {
    const { gradient, hessian } = numericalDerivatives(logLikelihood, x);
    const inverse = isNegativeDefinite(hessian) ? invertMatrix(hessian) : null;
    if (!inverse) break;
    const direction = inverse.map((row) => -row.reduce((sum, h, j) => sum + h * gradient[j]!, 0));
    let moved = false;
    for (let scale = 1; scale > 1e-4; scale /= 2) {
      const candidate = clamp(x.map((value, i) => value + scale * direction[i]!));
      const value = logLikelihood(candidate);
      if (value > best) {
        x = candidate;
        best = value;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  const { hessian } = numericalDerivatives(logLikelihood, x);
  const covariance = isNegativeDefinite(hessian) ? invertMatrix(hessian)?.map((row) => row.map((value) => -value)) ?? null : null;
  return { at: x, logLikelihood: best, covariance };
}
