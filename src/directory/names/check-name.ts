import { err, ok, type Result } from '../../core/result.js';

const MAX_NAME_LENGTH = 200;

/** The trimmed name of a role, group, policy or signer: non-empty, printable, at most 200 characters. */
export function checkName(what: string, text: string | undefined): Result<string, string> {
  const name = (text ?? '').trim();
  if (name === '') return err(`${what} needs a non-empty name`);
  if (name.length > MAX_NAME_LENGTH) return err(`${what} name must be at most ${MAX_NAME_LENGTH} characters`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return err(`${what} name must not contain control characters`);
  return ok(name);
}
