/** A path as a POSIX shell reads it back: as is when it is plain, else in single quotes. */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_./=:@%+-]+$/.test(text)) return text;
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
