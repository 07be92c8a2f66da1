import { InvalidDirectoryInput } from '../directory-error.js';
import { consolePolicy } from './console-policy.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An address of at most 254 characters (RFC 5321 §4.5.3.1.3's path limit less the brackets). */
export function checkedEmail(email: string): string {
  const trimmed = email.trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) {
    throw new InvalidDirectoryInput('invalid_email', [
      { field: 'email', message: 'Enter an email address.' },
    ]);
  }
  return trimmed;
}

export function checkedPassword(password: string): string {
  const { minPasswordLength: min, maxPasswordLength: max } = consolePolicy;
  if (password.length < min || password.length > max) {
    throw new InvalidDirectoryInput('invalid_password', [
      { field: 'password', message: `A password needs ${min} to ${max} characters.` },
    ]);
  }
  return password;
}
