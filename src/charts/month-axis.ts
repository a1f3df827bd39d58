/**
 * The one month convention of every chart, table and title: months are
 * numbered as MODEL.md numbers them, 0 for the first, so a 72-month horizon
 * runs from month 0 to month 71. Axes say so, for a reader who looks for a
 * "month 72".
 */

/** The title of a month axis: `Month (0 to 71: the 72-month horizon)`. */
export function monthAxisTitle(horizonMonths: number): string {
  return `Month (0 to ${horizonMonths - 1}: the ${horizonMonths}-month horizon)`;
}
