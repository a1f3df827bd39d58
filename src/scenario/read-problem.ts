/** What went wrong reading an input file, in words (the file itself is named by the caller). */
export function readProblem(error: NodeJS.ErrnoException, expected: string): string {
  switch (error.code) {
    case 'ENOENT': return 'no such file';
    case 'EACCES':
    case 'EPERM': return 'permission denied: the file cannot be read';
    case 'EISDIR': return `is a directory, not ${expected}`;
    default: return `cannot be read (${error.code ?? error.message})`;
  }
}
