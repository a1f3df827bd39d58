/**
 * Chart titles state a finding and can run long; past about 64 characters
 * (the width of a single chart in 20 px bold) they wrap onto a second line
 * at a word boundary rather than run off the slide.
 */
export const TITLE_LINE_CHARACTERS = 64;

/**
 * @example wrapTitle('Beachhead beats Hold by $0.16M per account on average, yet Hold does better in 73% of accounts')
 * // => ['Beachhead beats Hold by $0.16M per account on average,', 'yet Hold does better in 73% of accounts']
 */
export function wrapTitle(title: string, limit = TITLE_LINE_CHARACTERS): string | string[] {
  if (title.length <= limit) return title;
  const afterMark = [', ', ': ', '; '].map((mark) => title.lastIndexOf(mark, limit) + 1);
  const beforeBracket = title.lastIndexOf(' (', limit);
  const preferred = [...afterMark, beforeBracket].filter((i) => i > limit / 2);
  const cut = preferred.length > 0 ? Math.max(...preferred) : title.lastIndexOf(' ', limit);
  if (cut <= 0) return title;
  const rest = title.slice(cut).trim();
  return [title.slice(0, cut).trim(), ...[wrapTitle(rest, limit)].flat()];
}
