import { DirectoryError } from '../directory-error.js';

/** The error for input with problems: every problem at once, as one sentence. */
export function invalidInput(code: string, problems: readonly string[]): DirectoryError {
  const text = problems.join('; ');
  return new DirectoryError(code, `${text.charAt(0).toUpperCase()}${text.slice(1)}.`);
}
