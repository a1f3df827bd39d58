/** Rows of inline data a vega-lite spec hands vega (every `values` array, nested layers included). */
export function rowCount(spec: unknown): number {
  let rows = 0;
  JSON.stringify(spec, (key, value: unknown) => {
    if (key === 'values' && Array.isArray(value)) rows += value.length;
    return value;
  });
  return rows;
}
