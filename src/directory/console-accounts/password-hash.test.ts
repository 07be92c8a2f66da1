import { describe, expect, it } from 'vitest';
import { hashPassword, passwordMatches, UNKNOWN_ACCOUNT_HASH } from './password-hash.js';

describe('console password hashes (scrypt)', () => {
  it('match the password they were made from and nothing else, with a new salt each time', async () => {
    const one = await hashPassword('correct horse battery staple');
    const two = await hashPassword('correct horse battery staple');
    expect(one).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(one).not.toBe(two);
    expect(await passwordMatches('correct horse battery staple', one)).toBe(true);
    expect(await passwordMatches('correct horse battery stapl', one)).toBe(false);
    expect(await passwordMatches('', one)).toBe(false);
  });

  it('treat a password the same in any Unicode normal form (NFKC)', async () => {
    const composed = await hashPassword('caf\u00e9 au lait!!');
    expect(await passwordMatches('cafe\u0301 au lait!!', composed)).toBe(true);
  });

  it('refuse malformed stored hashes, and match no password against the unknown-account hash', async () => {
    expect(await passwordMatches('x', 'bcrypt$whatever')).toBe(false);
    expect(await passwordMatches('x', 'scrypt$32768$8$1$')).toBe(false);
    expect(await passwordMatches('AAAAAAAAAAAA', UNKNOWN_ACCOUNT_HASH)).toBe(false);
  });
});
