/**
 * `renderTemplate(name, language, variables, brand)`: the subject, HTML and plain-text
 * parts of one of the product's messages, in English or Simplified Chinese. Templates
 * are TypeScript modules sharing one layout (layout.ts); every variable is checked here
 * first (URLs must be http(s), names one line) and escaped there, so a workspace named
 * `<script>` arrives as text.
 */
import { ValidationError } from '../../../errors.js';
import { apiKeyCreated, type ApiKeyCreatedVariables } from './api-key-created.js';
import { emailVerification, type EmailVerificationVariables } from './email-verification.js';
import { renderLayout, type Brand, type CopyContext, type TemplateCopy, type TemplateLanguage } from './layout.js';
import { memberInvitation, type MemberInvitationVariables } from './member-invitation.js';
import { passwordReset, type PasswordResetVariables } from './password-reset.js';
import { signInLink, type SignInLinkVariables } from './sign-in-link.js';
import { workflowRunFailed, workflowRunFinished, type WorkflowRunFailedVariables, type WorkflowRunFinishedVariables } from './workflow-run.js';

export type { Brand, TemplateLanguage } from './layout.js';
export { escapeHtml } from './layout.js';
export type {
  ApiKeyCreatedVariables,
  EmailVerificationVariables,
  MemberInvitationVariables,
  PasswordResetVariables,
  SignInLinkVariables,
  WorkflowRunFailedVariables,
  WorkflowRunFinishedVariables,
};

export interface TemplateVariables {
  member_invitation: MemberInvitationVariables;
  email_verification: EmailVerificationVariables;
  password_reset: PasswordResetVariables;
  sign_in_link: SignInLinkVariables;
  workflow_run_finished: WorkflowRunFinishedVariables;
  workflow_run_failed: WorkflowRunFailedVariables;
  api_key_created: ApiKeyCreatedVariables;
}

export type TemplateName = keyof TemplateVariables;

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  /** The language actually used (after fallback). */
  language: TemplateLanguage;
}

/**
 * How a variable is checked: `name` one line of 1–200 characters (trimmed); `url` an
 * absolute http(s) URL without credentials, up to 2048 characters (normalised); `date` a
 * Date or ISO 8601 string; `minutes` a whole number 1–10080; `message` optional free
 * text, flattened to one line and cut at 1000 characters.
 */
type FieldKind = 'name' | 'url' | 'date' | 'minutes' | 'message';

interface TemplateDefinition<V> {
  fields: { [K in keyof V]-?: FieldKind };
  copy: TemplateCopy<V>;
}

const TEMPLATES: { [N in TemplateName]: TemplateDefinition<TemplateVariables[N]> } = {
  member_invitation: { fields: { inviter: 'name', workspace: 'name', acceptUrl: 'url', expiresAt: 'date' }, copy: memberInvitation },
  email_verification: { fields: { verifyUrl: 'url' }, copy: emailVerification },
  password_reset: { fields: { resetUrl: 'url', expiresInMinutes: 'minutes' }, copy: passwordReset },
  sign_in_link: { fields: { signInUrl: 'url' }, copy: signInLink },
  workflow_run_finished: { fields: { appName: 'name', runId: 'name', runUrl: 'url' }, copy: workflowRunFinished },
  workflow_run_failed: { fields: { appName: 'name', runId: 'name', runUrl: 'url', error: 'message' }, copy: workflowRunFailed },
  api_key_created: { fields: { keyName: 'name', prefix: 'name', workspace: 'name', createdBy: 'name' }, copy: apiKeyCreated },
};

export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export const MAX_NAME_LENGTH = 200;
export const MAX_URL_LENGTH = 2048;
export const MAX_MESSAGE_LENGTH = 1000;
export const MAX_MINUTES = 7 * 24 * 60;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// eslint-disable-next-line no-control-regex
const CONTROL_RUNS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/**
 * The supported language for a BCP 47 tag: Chinese written in Simplified script
 * (`zh`, `zh-CN`, `zh-SG`, `zh-Hans-*`) → `zh-Hans`; everything else, Traditional
 * Chinese included, → `en`.
 */
export function resolveLanguage(tag: string | null | undefined): TemplateLanguage {
  const parts = (tag ?? '').trim().replace(/_/g, '-').toLowerCase().split('-');
  if (parts[0] !== 'zh') return 'en';
  const rest = parts.slice(1);
  if (rest.includes('hant')) return 'en';
  if (rest.includes('hans')) return 'zh-Hans';
  // No script subtag: the region decides (zh-TW, zh-HK and zh-MO are written in Traditional).
  if (rest.some((part) => part === 'tw' || part === 'hk' || part === 'mo')) return 'en';
  return 'zh-Hans';
}

function bad(field: string, problem: string): ValidationError {
  return new ValidationError(`Invalid template variable: ${field} ${problem}`, { field });
}

function checkName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.isWellFormed()) throw bad(field, 'must be text');
  const name = value.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH) throw bad(field, `must be 1 to ${MAX_NAME_LENGTH} characters`);
  if (CONTROL.test(name)) throw bad(field, 'must be one line without control characters');
  return name;
}

/** An absolute http(s) URL, normalised (quotes and spaces percent-encoded); anything else BAD_USER_INPUT. */
export function checkHttpUrl(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH || CONTROL.test(value)) {
    throw bad(field, `must be an http(s) URL of at most ${MAX_URL_LENGTH} characters`);
  }
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw bad(field, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad(field, 'must be an http(s) URL');
  if (url.username !== '' || url.password !== '') throw bad(field, 'must not contain credentials');
  if (url.href.length > MAX_URL_LENGTH) throw bad(field, `must be at most ${MAX_URL_LENGTH} characters`);
  return url.href;
}

function checkDate(value: unknown, field: string): Date {
  const date = value instanceof Date ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : null;
  if (date === null || Number.isNaN(date.getTime())) throw bad(field, 'must be a date (a Date or an ISO 8601 string)');
  return date;
}

function checkField(kind: FieldKind, value: unknown, field: string): unknown {
  switch (kind) {
    case 'name':
      return checkName(value, field);
    case 'url':
      return checkHttpUrl(value, field);
    case 'date':
      return checkDate(value, field);
    case 'minutes':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_MINUTES) {
        throw bad(field, `must be a whole number of minutes from 1 to ${MAX_MINUTES}`);
      }
      return value;
    case 'message': {
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'string') throw bad(field, 'must be text');
      const flat = value.toWellFormed().replace(CONTROL_RUNS, ' ').replace(/\s+/g, ' ').trim();
      if (flat === '') return undefined;
      return flat.length > MAX_MESSAGE_LENGTH ? `${flat.slice(0, MAX_MESSAGE_LENGTH)}…` : flat;
    }
  }
}

function checkBrand(brand: Brand): Brand {
  if (typeof brand !== 'object' || brand === null) throw bad('brand', 'must be { productName, senderName, supportUrl? }');
  return {
    productName: checkName(brand.productName, 'brand.productName'),
    senderName: checkName(brand.senderName, 'brand.senderName'),
    ...(brand.supportUrl !== undefined ? { supportUrl: checkHttpUrl(brand.supportUrl, 'brand.supportUrl') } : {}),
  };
}

const DATE_FORMATS: Record<TemplateLanguage, (date: Date) => string> = {
  // "November 25, 2026 at 10:05 UTC"
  en: (date) =>
    new Intl.DateTimeFormat('en-US', {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: 'UTC',
      timeZoneName: 'short',
    }).format(date),
  // "2026年11月25日 10:05（UTC）"
  'zh-Hans': (date) => `${new Intl.DateTimeFormat('zh-Hans-CN', { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' }).format(date)}（UTC）`,
};

const MINUTES: Record<TemplateLanguage, (n: number) => string> = {
  en: (n) => (n % 60 === 0 ? `${n / 60} hour${n === 60 ? '' : 's'}` : `${n} minute${n === 1 ? '' : 's'}`),
  'zh-Hans': (n) => (n % 60 === 0 ? `${n / 60} 小时` : `${n} 分钟`),
};

/**
 * Renders template `name` in `language` (any BCP 47 tag; see resolveLanguage). Throws
 * BAD_USER_INPUT (`details.field` = `variables.<name>` or `brand.<name>`) for a missing
 * or malformed variable, a non-http(s) URL, or an unknown template.
 */
export function renderTemplate<N extends TemplateName>(name: N, language: string, variables: TemplateVariables[N], brand: Brand): RenderedEmail {
  if (!Object.hasOwn(TEMPLATES, name)) throw bad('template', `must be one of ${TEMPLATE_NAMES.join(', ')}`);
  const definition = TEMPLATES[name] as unknown as TemplateDefinition<Record<string, unknown>>;
  if (typeof variables !== 'object' || variables === null) throw bad('variables', 'must be an object');
  const input = variables as unknown as Record<string, unknown>;
  const checked: Record<string, unknown> = {};
  for (const [field, kind] of Object.entries(definition.fields)) {
    const value = checkField(kind, input[field], `variables.${field}`);
    if (value !== undefined) checked[field] = value;
  }
  const checkedBrand = checkBrand(brand);
  const lang = resolveLanguage(language);
  const context: CopyContext = {
    brand: checkedBrand,
    date: (value) => DATE_FORMATS[lang](value instanceof Date ? value : new Date(value)),
    minutes: MINUTES[lang],
  };
  const content = definition.copy[lang](checked, context);
  const { html, text } = renderLayout(content, lang, checkedBrand);
  return { subject: content.subject, text, html, language: lang };
}
