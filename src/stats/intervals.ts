/**
 * Confidence intervals for means and proportions.
 */

/** The standard normal's 97.5% quantile (R: qnorm(0.975)). */
export const Z_95 = 1.959963984540054;

/**
 * A 95% interval mean ± 1.96·se (normal approximation, fine for the thousands
 * of trials a run has).
 *
 * @example meanInterval(1, 0.5) // => [0.020018007729972975, 1.979981992270027]
 */
export function meanInterval(mean: number, se: number): [number, number] {
  return [mean - Z_95 * se, mean + Z_95 * se];
}

/**
 * The Wilson score 95% interval for a proportion: well-behaved near 0 and 1,
 * unlike mean ± 1.96·se (Wilson 1927; R: prop.test(x, n, correct = FALSE)).
 *
 * @example wilsonInterval(7, 10) // => [0.39677814746114537, 0.8922087325936989]
 */
export function wilsonInterval(successes: number, trials: number): [number, number] {
  if (trials <= 0) throw new Error('wilsonInterval requires at least one trial');
  const p = successes / trials;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (Z_95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At 0 or n successes the bound is exactly 0 or 1; say so rather than leave rounding dust.
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === trials ? 1 : Math.min(1, centre + half)];
}
