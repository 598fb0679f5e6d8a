import { ValidationError } from '../errors.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Text Postgres can store: no NUL characters and no lone UTF-16 surrogates (both make the
 * insert fail, which would surface as an internal error instead of the caller's mistake).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Trimmed text of 1..max characters on one line. Names end up in mail subjects and
 * headers (an inviter, a workspace, a recipient): a CR/LF here would be header injection.
 */
export function checkName(raw: string, field: string, max = 200): string {
  const name = raw.trim();
  if (name.length === 0 || name.length > max || !isStorableText(name) || CONTROL.test(name)) {
    throw new ValidationError(`${field} must be 1 to ${max} characters of text on one line`, { field });
  }
  return name;
}

/** Trimmed, possibly empty text of at most `max` characters. */
export function checkText(raw: string | null | undefined, field: string, max: number): string {
  const text = (raw ?? '').trim();
  if (text.length > max || !isStorableText(text)) throw new ValidationError(`${field} must be at most ${max} characters of text`, { field });
  return text;
}

export function normaliseEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > 320 || !EMAIL.test(email) || !isStorableText(email)) throw new ValidationError('Invalid email address', { field: 'email' });
  return email;
}

/** `value` when it is one of `allowed`, else BAD_USER_INPUT naming the field. */
export function oneOf<T extends string>(allowed: readonly T[], value: string, field: string): T {
  if (!(allowed as readonly string[]).includes(value)) throw new ValidationError(`${field} must be one of ${allowed.join(', ')}`, { field });
  return value as T;
}
