import type { TemplateCopy } from './layout.js';

export interface PasswordResetVariables {
  resetUrl: string;
  /** How long the link works: a whole number of minutes, 1 to 10080 (a week). */
  expiresInMinutes: number;
}

export const passwordReset: TemplateCopy<PasswordResetVariables> = {
  en: ({ resetUrl, expiresInMinutes }, { brand, minutes }) => ({
    subject: `Reset your ${brand.productName} password`,
    preheader: `Use this link to choose a new password. It expires in ${minutes(expiresInMinutes)}.`,
    heading: 'Reset your password',
    paragraphs: [[`We received a request to reset the password for your ${brand.productName} account. Use the link below to choose a new one.`]],
    action: { label: 'Reset password', url: resetUrl },
    notes: [
      `This link expires in ${minutes(expiresInMinutes)}.`,
      'If you didn’t ask to reset your password, you can ignore this email. Your password won’t change.',
    ],
  }),
  'zh-Hans': ({ resetUrl, expiresInMinutes }, { brand, minutes }) => ({
    subject: `重置你的 ${brand.productName} 密码`,
    preheader: `点击链接设置新密码，链接 ${minutes(expiresInMinutes)}内有效。`,
    heading: '重置密码',
    paragraphs: [[`我们收到了重置你的 ${brand.productName} 账号密码的请求。请点击下方链接设置新密码。`]],
    action: { label: '重置密码', url: resetUrl },
    notes: [`此链接将在 ${minutes(expiresInMinutes)}后失效。`, '如果这不是你本人的操作，请忽略这封邮件，你的密码不会改变。'],
  }),
};
