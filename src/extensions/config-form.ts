import { ValidationError } from '../errors.js';
import { maskSecret, mergeSecrets } from '../platform/secrets/mask.js';
import { isStorableText } from '../shared/input.js';
import type { FormField } from './plugins/plugin.types.js';

const MAX_TEXT = 10_000;

export interface CheckedConfig {
  /** Every non-secret field, defaults filled. */
  values: Record<string, unknown>;
  /** `secret` fields, to be sealed. */
  secrets: Record<string, string>;
}

function bad(name: string, problem: string): ValidationError {
  return new ValidationError(`config.${name} ${problem}`, { field: `config.${name}` });
}

/**
 * The values of a configuration form as sent by a client, checked against the form: no
 * unknown fields, required ones present, types and select options respected, defaults
 * filled. A secret sent back masked (as read) keeps the stored secret.
 */
export function checkConfig(form: FormField[], input: unknown, storedSecrets: Record<string, string> = {}): CheckedConfig {
  if (input !== undefined && input !== null && (typeof input !== 'object' || Array.isArray(input))) {
    throw new ValidationError('config must be an object of form values', { field: 'config' });
  }
  const given = (input ?? {}) as Record<string, unknown>;
  const known = new Set(form.map((field) => field.name));
  const unknown = Object.keys(given).find((name) => !known.has(name));
  if (unknown !== undefined) throw bad(unknown.slice(0, 64), 'is not a field of this form');

  const values: Record<string, unknown> = {};
  const incomingSecrets: Record<string, string | null> = {};
  for (const field of form) {
    const value = given[field.name] ?? field.default;
    if (value === undefined || value === null || value === '') {
      if (field.required && !(field.type === 'secret' && storedSecrets[field.name])) throw bad(field.name, 'is required');
      continue;
    }
    switch (field.type) {
      case 'string':
      case 'paragraph':
      case 'secret': {
        if (typeof value !== 'string' || value.length > MAX_TEXT || !isStorableText(value)) throw bad(field.name, `must be text of at most ${MAX_TEXT} characters`);
        // eslint-disable-next-line no-control-regex
        if (field.type !== 'paragraph' && /[\u0000-\u001f\u007f]/.test(value)) throw bad(field.name, 'must be one line');
        if (field.type === 'secret') incomingSecrets[field.name] = value;
        else values[field.name] = value;
        break;
      }
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(field.name, 'must be a number');
        values[field.name] = value;
        break;
      case 'boolean':
        if (typeof value !== 'boolean') throw bad(field.name, 'must be true or false');
        values[field.name] = value;
        break;
      case 'select':
        if (typeof value !== 'string' || !(field.options ?? []).includes(value)) throw bad(field.name, `must be one of ${(field.options ?? []).join(', ')}`);
        values[field.name] = value;
        break;
    }
  }
  // A secret left out keeps its stored value; one sent back masked too (mergeSecrets).
  const secrets = mergeSecrets(storedSecrets, { ...storedSecrets, ...incomingSecrets });
  return { values, secrets };
}

/** The form's values as clients read them: secrets masked. */
export function maskedConfig(values: Record<string, unknown>, secrets: Record<string, string>): Record<string, unknown> {
  return { ...values, ...Object.fromEntries(Object.entries(secrets).map(([name, value]) => [name, maskSecret(value)])) };
}
