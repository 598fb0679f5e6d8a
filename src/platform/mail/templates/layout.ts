/**
 * The one layout every message template shares. Templates describe their content as
 * plain strings (`EmailContent`); this file turns it into an HTML part and a plain-text
 * part, escaping every string on the way into HTML, so no template writes markup.
 */

export type TemplateLanguage = 'en' | 'zh-Hans';

export interface Brand {
  /** Shown in subjects and copy, e.g. "Plugboard". */
  productName: string;
  /** The sign-off, e.g. "The Plugboard team". */
  senderName: string;
  /** http(s) URL of a help page; adds a "Need help?" line. */
  supportUrl?: string;
}

/** Text, or text set in bold (in HTML; plain in the text part). */
export type Inline = string | { strong: string };

export interface EmailContent {
  subject: string;
  /** The inbox preview line (hidden in the HTML body). */
  preheader: string;
  heading: string;
  /** Each paragraph a list of inline pieces. */
  paragraphs: Inline[][];
  /** The one button; its URL is also spelled out under it and in the text part. */
  action?: { label: string; url: string };
  /** Label/value rows (a run id, a key prefix…); `mono` sets the value in a fixed-width font. */
  facts?: Array<{ label: string; value: string; mono?: boolean }>;
  /** Small print after the button. */
  notes?: string[];
}

export interface CopyContext {
  brand: Brand;
  /** The date in this language, in UTC, with the zone named. */
  date(value: Date | string): string;
  /** A number of minutes in words ("30 minutes", "2 hours", "30 分钟"). */
  minutes(value: number): string;
}

/** A template: the copy in every supported language. Variables arrive checked (URLs normalised). */
export type TemplateCopy<V> = Record<TemplateLanguage, (variables: V, context: CopyContext) => EmailContent>;

const STRINGS: Record<
  TemplateLanguage,
  { colon: string; linkFallback: string; signOff(sender: string): string; supportText(url: string): string; supportLead: string; supportLink: string }
> = {
  en: {
    colon: ': ',
    linkFallback: 'If the button doesn’t work, copy and paste this link into your browser:',
    signOff: (sender) => `— ${sender}`,
    supportText: (url) => `Need help? Visit ${url}`,
    supportLead: 'Need help? ',
    supportLink: 'Visit our help center',
  },
  'zh-Hans': {
    colon: '：',
    linkFallback: '如果按钮无法点击，请复制以下链接，在浏览器中打开：',
    signOff: (sender) => `—— ${sender}`,
    supportText: (url) => `需要帮助？请访问 ${url}`,
    supportLead: '需要帮助？',
    supportLink: '访问帮助中心',
  },
};

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in HTML element content and in quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function inlineHtml(pieces: Inline[]): string {
  return pieces.map((piece) => (typeof piece === 'string' ? escapeHtml(piece) : `<strong>${escapeHtml(piece.strong)}</strong>`)).join('');
}

function inlineText(pieces: Inline[]): string {
  return pieces.map((piece) => (typeof piece === 'string' ? piece : piece.strong)).join('');
}

const FONT =
  "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC',sans-serif";
const MONO = "ui-monospace,SFMono-Regular,Menlo,Consolas,'Liberation Mono',monospace";

function renderHtml(content: EmailContent, language: TemplateLanguage, brand: Brand): string {
  const s = STRINGS[language];
  const p = 'margin:0 0 16px;';
  const parts: string[] = [];
  parts.push(`<p style="margin:0 0 24px;font-size:14px;font-weight:600;color:#57606a;">${escapeHtml(brand.productName)}</p>`);
  parts.push(`<h1 style="margin:0 0 16px;font-size:22px;line-height:1.35;font-weight:600;color:#1f2328;">${escapeHtml(content.heading)}</h1>`);
  for (const paragraph of content.paragraphs) parts.push(`<p style="${p}">${inlineHtml(paragraph)}</p>`);
  if (content.facts?.length) {
    const rows = content.facts
      .map(
        (fact) =>
          `<tr><td style="padding:4px 16px 4px 0;color:#57606a;white-space:nowrap;vertical-align:top;">${escapeHtml(fact.label)}</td>` +
          `<td style="padding:4px 0;word-break:break-word;${fact.mono ? `font-family:${MONO};font-size:13px;` : ''}">${escapeHtml(fact.value)}</td></tr>`,
      )
      .join('');
    parts.push(`<table role="presentation" cellpadding="0" cellspacing="0" style="margin:0 0 16px;border-collapse:collapse;font-size:14px;">${rows}</table>`);
  }
  if (content.action) {
    const href = escapeHtml(content.action.url);
    parts.push(
      `<p style="margin:24px 0;"><a href="${href}" style="display:inline-block;padding:11px 22px;background:#2563eb;border-radius:6px;color:#ffffff;font-weight:600;text-decoration:none;">${escapeHtml(content.action.label)}</a></p>`,
      `<p style="${p}font-size:13px;color:#57606a;">${escapeHtml(s.linkFallback)}<br><a href="${href}" style="color:#2563eb;word-break:break-all;">${href}</a></p>`,
    );
  }
  for (const note of content.notes ?? []) parts.push(`<p style="${p}font-size:13px;color:#57606a;">${escapeHtml(note)}</p>`);
  parts.push(`<p style="margin:24px 0 0;">${escapeHtml(s.signOff(brand.senderName))}</p>`);

  const support = brand.supportUrl
    ? `<p style="margin:16px 0 0;font-size:12px;color:#6e7781;">${escapeHtml(s.supportLead)}<a href="${escapeHtml(brand.supportUrl)}" style="color:#6e7781;">${escapeHtml(s.supportLink)}</a></p>`
    : '';

  return [
    '<!DOCTYPE html>',
    `<html lang="${language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(content.subject)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background:#f4f5f7;">`,
    `<div style="display:none;max-height:0;overflow:hidden;opacity:0;">${escapeHtml(content.preheader)}</div>`,
    '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f5f7;"><tr><td align="center" style="padding:32px 12px;">',
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border:1px solid #e5e7eb;border-radius:8px;"><tr><td style="padding:32px;font-family:${FONT};font-size:15px;line-height:1.6;color:#1f2328;text-align:left;">`,
    ...parts,
    '</td></tr></table>',
    support ? `<div style="max-width:560px;font-family:${FONT};text-align:center;">${support}</div>` : '',
    '</td></tr></table>',
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function renderText(content: EmailContent, language: TemplateLanguage, brand: Brand): string {
  const s = STRINGS[language];
  const blocks: string[] = [content.heading, ...content.paragraphs.map(inlineText)];
  if (content.facts?.length) blocks.push(content.facts.map((fact) => `${fact.label}${s.colon}${fact.value}`).join('\n'));
  if (content.action) blocks.push(`${content.action.label}${s.colon.trimEnd()}\n${content.action.url}`);
  blocks.push(...(content.notes ?? []));
  blocks.push(s.signOff(brand.senderName));
  if (brand.supportUrl) blocks.push(s.supportText(brand.supportUrl));
  return `${blocks.join('\n\n')}\n`;
}

/** The HTML and plain-text parts of `content`. */
export function renderLayout(content: EmailContent, language: TemplateLanguage, brand: Brand): { html: string; text: string } {
  return { html: renderHtml(content, language, brand), text: renderText(content, language, brand) };
}
