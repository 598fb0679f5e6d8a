/**
 * Reading a builtin tool's parameters defensively. The ToolManager has already checked and
 * coerced them against the definition, but a tool can also be invoked directly (tests, other
 * providers), so every read checks the type again and fails with BAD_USER_INPUT, never a TypeError.
 */
import { ValidationError } from '../../errors.js';

export function invalid(parameter: string, message: string, details: Record<string, unknown> = {}): ValidationError {
  return new ValidationError(message, { field: 'parameters', parameter, ...details });
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

interface StringOptions {
  maxLength?: number;
  /** Refuse the empty string too. */
  nonEmpty?: boolean;
}

export function requiredString(parameters: Record<string, unknown>, name: string, options: StringOptions = {}): string {
  const value = optionalString(parameters, name, options);
  if (value === undefined) throw invalid(name, `Missing required parameter "${name}"`);
  return value;
}

export function optionalString(parameters: Record<string, unknown>, name: string, options: StringOptions = {}): string | undefined {
  const value = parameters[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(name, `Parameter "${name}" must be a string`);
  if (options.nonEmpty && value.length === 0) throw invalid(name, `Parameter "${name}" must not be empty`);
  if (options.maxLength !== undefined && value.length > options.maxLength) {
    throw invalid(name, `Parameter "${name}" must be at most ${options.maxLength} characters long`);
  }
  return value;
}

export function optionalObject(parameters: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const value = parameters[name];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw invalid(name, `Parameter "${name}" must be an object`);
  return value;
}

export function selectValue<T extends string>(parameters: Record<string, unknown>, name: string, options: readonly T[], fallback: T): T {
  const value = parameters[name];
  if (value === undefined || value === null) return fallback;
  const match = typeof value === 'string' ? options.find((option) => option === value.toUpperCase()) : undefined;
  if (match === undefined) throw invalid(name, `Parameter "${name}" must be one of ${options.join(', ')}`);
  return match;
}
