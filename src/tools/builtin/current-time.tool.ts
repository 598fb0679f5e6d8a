import type { Tool, ToolInvocation, ToolMessage } from '../tool.types.js';
import { invalid, optionalString, selectValue } from './parameter-values.js';

const FORMATS = ['ISO', 'RFC2822', 'UNIX', 'HUMAN'] as const;
type TimeFormat = (typeof FORMATS)[number];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface CurrentTime {
  /** ISO 8601 local time in the zone, with its offset, to the second. */
  iso: string;
  /** Seconds since the Unix epoch. */
  unix: number;
  /** The zone's canonical IANA name. */
  timezone: string;
  /** The zone's UTC offset at that instant, `+HH:MM`. */
  offset: string;
  /** The time in the requested format. */
  formatted: string;
}

/** The zone's wall-clock fields; BAD_USER_INPUT for a name Intl does not know. */
function zoneFields(date: Date, timeZone: string) {
  let formatter: Intl.DateTimeFormat;
  try {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
  } catch {
    throw invalid('timezone', `Unknown time zone "${timeZone.slice(0, 100)}"; use an IANA name such as "Europe/Paris" or "UTC"`);
  }
  const parts = Object.fromEntries(formatter.formatToParts(date).map((part) => [part.type, part.value]));
  const number = (type: string) => Number(parts[type]);
  // ICU answers with its canonical name, which may be an old alias (Asia/Kolkata → Asia/Calcutta): keep the caller's.
  const resolved = formatter.resolvedOptions().timeZone;
  return {
    timezone: resolved.toLowerCase() === timeZone.toLowerCase() ? resolved : timeZone,
    weekday: parts.weekday ?? '',
    year: number('year'),
    month: number('month'),
    day: number('day'),
    hour: number('hour') % 24,
    minute: number('minute'),
    second: number('second'),
  };
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, '0');

function offsetText(minutes: number, separator: string): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}${separator}${pad(minutes % 60)}`;
}

function checkedLocale(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (canonical) return canonical;
  } catch {
    // fall through
  }
  throw invalid('locale', `Invalid locale "${locale.slice(0, 50)}"; use a BCP 47 tag such as "en-US" or "fr-FR"`);
}

/** The time at `date` in a zone: pure, so tests can pin the clock. */
export function describeTime(date: Date, timeZone: string, format: TimeFormat, locale: string): CurrentTime {
  const fields = zoneFields(date, timeZone);
  const seconds = Math.floor(date.getTime() / 1000);
  // Date.UTC would read years 0-99 as 1900-1999; setUTCFullYear does not.
  const wallClock = new Date(0).setUTCFullYear(fields.year, fields.month - 1, fields.day) + ((fields.hour * 60 + fields.minute) * 60 + fields.second) * 1000;
  const offsetMinutes = Math.round((wallClock - seconds * 1000) / 60_000);
  const yearText = fields.year < 0 ? `-${pad(fields.year, 6)}` : pad(fields.year, 4);
  const date8601 = `${yearText}-${pad(fields.month)}-${pad(fields.day)}`;
  const time = `${pad(fields.hour)}:${pad(fields.minute)}:${pad(fields.second)}`;
  const iso = `${date8601}T${time}${offsetText(offsetMinutes, ':')}`;

  let formatted: string;
  switch (format) {
    case 'ISO':
      formatted = iso;
      break;
    case 'RFC2822':
      formatted = `${fields.weekday}, ${pad(fields.day)} ${MONTHS[fields.month - 1] ?? ''} ${yearText} ${time} ${offsetText(offsetMinutes, '')}`;
      break;
    case 'UNIX':
      formatted = String(seconds);
      break;
    case 'HUMAN':
      formatted = new Intl.DateTimeFormat(checkedLocale(locale), { dateStyle: 'full', timeStyle: 'long', timeZone: fields.timezone }).format(date);
      break;
  }
  return { iso, unix: seconds, timezone: fields.timezone, offset: offsetText(offsetMinutes, ':'), formatted };
}

export function createCurrentTimeTool(now: () => Date = () => new Date()): Tool {
  async function* currentTime(invocation: ToolInvocation): AsyncIterable<ToolMessage> {
    const { parameters } = invocation;
    const timezone = optionalString(parameters, 'timezone', { maxLength: 100 }) || 'UTC';
    const format = selectValue(parameters, 'format', FORMATS, 'ISO');
    const locale = checkedLocale(optionalString(parameters, 'locale', { maxLength: 100 }) || 'en-US');
    const time = describeTime(now(), timezone, format, locale);
    yield { type: 'TEXT', text: time.formatted };
    yield { type: 'JSON', json: time };
  }

  return {
    definition: {
      name: 'current_time',
      description:
        'Returns the current date and time in a time zone: a TEXT message in the requested format and a JSON message ' +
        '{ iso, unix, timezone, offset, formatted } (iso: local time with UTC offset, unix: seconds since 1970-01-01 UTC).',
      parameters: [
        {
          name: 'timezone',
          type: 'STRING',
          required: false,
          description: 'An IANA time zone name, e.g. "UTC", "Europe/Paris", "America/New_York", "Asia/Tokyo".',
          default: 'UTC',
          schema: { type: 'string', maxLength: 100 },
        },
        {
          name: 'format',
          type: 'SELECT',
          required: false,
          description:
            'ISO: "2026-03-01T18:04:56+05:30"; RFC2822: "Sun, 01 Mar 2026 18:04:56 +0530"; UNIX: seconds since the epoch; ' +
            'HUMAN: a long, localized sentence such as "Sunday, March 1, 2026 at 6:04:56 PM GMT+5:30".',
          default: 'ISO',
          options: [...FORMATS],
        },
        {
          name: 'locale',
          type: 'STRING',
          required: false,
          description: 'A BCP 47 language tag used by the HUMAN format, e.g. "en-US", "fr-FR", "ja-JP".',
          default: 'en-US',
          schema: { type: 'string', maxLength: 100 },
        },
      ],
    },
    invoke: currentTime,
  };
}

export const currentTimeTool: Tool = createCurrentTimeTool();
