/** Message templates: pure rendering, no I/O. Delivery of every template is in mail.test.ts. */
import { describe, expect, it } from 'vitest';
import { renderTemplate, resolveLanguage, TEMPLATE_NAMES, type Brand, type TemplateName, type TemplateVariables } from '../../src/platform/mail/index.js';

const BRAND: Brand = { productName: 'Plugboard', senderName: 'The Plugboard team', supportUrl: 'https://help.plugboard.example/' };

const VARIABLES: { [N in TemplateName]: TemplateVariables[N] } = {
  member_invitation: { inviter: 'Ada', workspace: 'Engines', acceptUrl: 'https://app.example.com/accept?t=1', expiresAt: '2026-12-01T09:30:00Z' },
  email_verification: { verifyUrl: 'https://app.example.com/verify?t=2' },
  password_reset: { resetUrl: 'https://app.example.com/reset?t=3', expiresInMinutes: 30 },
  sign_in_link: { signInUrl: 'https://app.example.com/sign-in?t=4' },
  workflow_run_finished: { appName: 'Support bot', runId: 'run_1', runUrl: 'https://app.example.com/runs/run_1' },
  workflow_run_failed: { appName: 'Support bot', runId: 'run_2', runUrl: 'https://app.example.com/runs/run_2', error: 'Tool timed out' },
  api_key_created: { keyName: 'CI', prefix: 'pb_3kf9', workspace: 'Engines', createdBy: 'Ada' },
};

/** The BAD_USER_INPUT error `fn` throws, or a failure. */
function badInput(fn: () => unknown): { field?: string } {
  try {
    fn();
  } catch (error) {
    expect((error as { code?: string }).code).toBe('BAD_USER_INPUT');
    return (error as { details?: { field?: string } }).details ?? {};
  }
  throw new Error('expected BAD_USER_INPUT');
}

const CJK = /[\u4e00-\u9fff]/;

describe('resolveLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh_cn', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-Hans', 'zh-Hans'],
    ['zh-Hans-HK', 'zh-Hans'],
    ['zh-TW', 'en'],
    ['zh-Hant', 'en'],
    ['zh-Hant-CN', 'en'],
  ] as const)('%j → %s', (tag, expected) => {
    expect(resolveLanguage(tag)).toBe(expected);
  });
});

describe('renderTemplate', () => {
  it('words the subjects naturally in both languages', () => {
    const subjects = Object.fromEntries(
      TEMPLATE_NAMES.map((name) => [name, [renderTemplate(name, 'en', VARIABLES[name], BRAND).subject, renderTemplate(name, 'zh-CN', VARIABLES[name], BRAND).subject]]),
    );
    expect(subjects).toEqual({
      member_invitation: ['Ada invited you to join Engines on Plugboard', 'Ada 邀请你加入 Plugboard 工作空间“Engines”'],
      email_verification: ['Verify your email address for Plugboard', '请验证你的 Plugboard 邮箱地址'],
      password_reset: ['Reset your Plugboard password', '重置你的 Plugboard 密码'],
      sign_in_link: ['Sign in to Plugboard', '登录 Plugboard'],
      workflow_run_finished: ['Workflow run finished: Support bot', '工作流运行完成：Support bot'],
      workflow_run_failed: ['Workflow run failed: Support bot', '工作流运行失败：Support bot'],
      api_key_created: ['New API key created in Engines', '工作空间“Engines”新建了 API 密钥'],
    });
  });

  const cases = TEMPLATE_NAMES.flatMap((name) => (['en', 'zh-Hans'] as const).map((language) => ({ name, language })));

  it.each(cases)('$name/$language: html and text parts, link spelled out, brand and support link', ({ name, language }) => {
    const rendered = renderTemplate(name, language, VARIABLES[name], BRAND);
    expect(rendered.language).toBe(language);
    expect(rendered.html).toMatch(/^<!DOCTYPE html>\n<html lang="(en|zh-Hans)">/);
    expect(rendered.html).toContain(`lang="${language}"`);
    expect(rendered.html).toContain('<meta charset="utf-8">');
    expect(rendered.html).toContain('Plugboard');
    expect(rendered.html).toContain('href="https://help.plugboard.example/"');
    expect(rendered.text).toContain('https://help.plugboard.example/');
    expect(rendered.text).toContain('The Plugboard team');
    expect(rendered.text).not.toMatch(/<[a-z]/i);
    const url = Object.values(VARIABLES[name]).find((v): v is string => typeof v === 'string' && v.startsWith('https://'));
    if (url) {
      expect(rendered.text).toContain(url);
      // The button and the spelled-out fallback link.
      expect(rendered.html.split(`href="${url}"`)).toHaveLength(3);
    }
    if (language === 'zh-Hans') {
      expect(rendered.subject).toMatch(CJK);
      expect(rendered.text).toMatch(CJK);
      // Full-width punctuation in Chinese copy.
      expect(rendered.text).not.toMatch(/[\u4e00-\u9fff][,.:;!?]/);
    } else {
      expect(`${rendered.subject}${rendered.text}`).not.toMatch(CJK);
    }
  });

  it('falls back to English for other languages', () => {
    expect(renderTemplate('sign_in_link', 'de-DE', VARIABLES.sign_in_link, BRAND)).toMatchObject({ language: 'en', subject: 'Sign in to Plugboard' });
  });

  it('escapes every text variable in HTML', () => {
    const nasty = `<img src=x onerror="alert('x')">&`;
    const escaped = '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;&amp;';
    for (const name of TEMPLATE_NAMES) {
      const variables: Record<string, unknown> = { ...VARIABLES[name] };
      for (const [key, value] of Object.entries(variables)) {
        if (typeof value === 'string' && !value.startsWith('https://') && !/^\d{4}-/.test(value)) variables[key] = nasty;
      }
      for (const language of ['en', 'zh-Hans']) {
        const rendered = renderTemplate(name, language, variables as never, { ...BRAND, productName: nasty, senderName: nasty });
        expect(rendered.html, name).not.toContain('<img');
        expect(rendered.html, name).toContain(escaped);
        expect(rendered.text, name).toContain(nasty);
      }
    }
  });

  it('normalises URLs, so quotes cannot break out of an attribute', () => {
    const rendered = renderTemplate('sign_in_link', 'en', { signInUrl: 'https://app.example.com/sign-in?next="><script>' }, BRAND);
    expect(rendered.html).toContain('href="https://app.example.com/sign-in?next=%22%3E%3Cscript%3E"');
    expect(rendered.html).not.toContain('<script>');
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox',
    'ftp://example.com/file',
    'mailto:ada@example.com',
    '//example.com/no-scheme',
    'not a url',
    'https://user:secret@example.com/',
    `https://example.com/${'x'.repeat(2100)}`,
    'https://example.com/\nnext',
  ])('refuses the URL %j', (url) => {
    expect(badInput(() => renderTemplate('email_verification', 'en', { verifyUrl: url }, BRAND)).field).toBe('variables.verifyUrl');
  });

  it('refuses a non-http support URL', () => {
    expect(badInput(() => renderTemplate('sign_in_link', 'en', VARIABLES.sign_in_link, { ...BRAND, supportUrl: 'javascript:void(0)' })).field).toBe('brand.supportUrl');
  });

  it('refuses missing, multi-line and oversized names', () => {
    const { workspace: _omitted, ...missing } = VARIABLES.member_invitation;
    expect(badInput(() => renderTemplate('member_invitation', 'en', missing as never, BRAND)).field).toBe('variables.workspace');
    expect(badInput(() => renderTemplate('api_key_created', 'en', { ...VARIABLES.api_key_created, keyName: 'CI\r\nBcc: x' }, BRAND)).field).toBe(
      'variables.keyName',
    );
    expect(badInput(() => renderTemplate('api_key_created', 'en', { ...VARIABLES.api_key_created, createdBy: 'x'.repeat(201) }, BRAND)).field).toBe(
      'variables.createdBy',
    );
    expect(badInput(() => renderTemplate('nope' as TemplateName, 'en', {} as never, BRAND)).field).toBe('template');
  });

  it('formats the invitation expiry in UTC for each language', () => {
    const en = renderTemplate('member_invitation', 'en', { ...VARIABLES.member_invitation, expiresAt: new Date('2026-12-01T09:30:00Z') }, BRAND);
    expect(en.text).toContain('This invitation expires on December 1, 2026 at 09:30 UTC.');
    const zh = renderTemplate('member_invitation', 'zh-Hans', VARIABLES.member_invitation, BRAND);
    expect(zh.text).toContain('此邀请将于 2026年12月1日 09:30（UTC）失效。');
    expect(badInput(() => renderTemplate('member_invitation', 'en', { ...VARIABLES.member_invitation, expiresAt: 'next week' }, BRAND)).field).toBe(
      'variables.expiresAt',
    );
  });

  it('words the reset link lifetime, and refuses nonsense', () => {
    const text = (minutes: number, language = 'en') => renderTemplate('password_reset', language, { resetUrl: 'https://a.example/r', expiresInMinutes: minutes }, BRAND).text;
    expect(text(1)).toContain('This link expires in 1 minute.');
    expect(text(45)).toContain('This link expires in 45 minutes.');
    expect(text(60)).toContain('This link expires in 1 hour.');
    expect(text(120)).toContain('This link expires in 2 hours.');
    expect(text(30, 'zh-Hans')).toContain('此链接将在 30 分钟后失效。');
    expect(text(120, 'zh-Hans')).toContain('此链接将在 2 小时后失效。');
    for (const bad of [0, -5, 1.5, 20_000, Number.NaN]) {
      expect(badInput(() => text(bad)).field).toBe('variables.expiresInMinutes');
    }
  });

  it('shows a run error on one line, cut to length, and leaves it out when absent', () => {
    const long = `line one\r\nline two\u0000 ${'x'.repeat(2000)}`;
    const failed = renderTemplate('workflow_run_failed', 'en', { ...VARIABLES.workflow_run_failed, error: long }, BRAND);
    const errorLine = failed.text.split('\n').find((line) => line.startsWith('Error: '))!;
    expect(errorLine.startsWith('Error: line one line two x')).toBe(true);
    expect(errorLine.length).toBeLessThanOrEqual('Error: '.length + 1001);
    const { error: _none, ...withoutError } = VARIABLES.workflow_run_failed;
    expect(renderTemplate('workflow_run_failed', 'en', withoutError, BRAND).text).not.toContain('Error:');
    expect(renderTemplate('workflow_run_failed', 'zh-Hans', VARIABLES.workflow_run_failed, BRAND).text).toContain('错误信息：Tool timed out');
  });
});
