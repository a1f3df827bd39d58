/** What keeps a set of partials from covering every shard of a split exactly once (run and portfolio shards alike). */
export function shardCoverProblems(headers: readonly { file: string; shard: { index: number; count: number } }[], count: number): string[] {
  const problems: string[] = [];
  const seen = new Map<number, string>();
  for (const h of headers) {
    const other = seen.get(h.shard.index);
    if (other) problems.push(`shard ${h.shard.index}/${h.shard.count} is given twice (${other} and ${h.file})`);
    seen.set(h.shard.index, h.file);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length > 0) problems.push(`missing shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count}`);
  return problems;
}
