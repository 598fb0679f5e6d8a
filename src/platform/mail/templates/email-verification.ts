import type { TemplateCopy } from './layout.js';

export interface EmailVerificationVariables {
  verifyUrl: string;
}

export const emailVerification: TemplateCopy<EmailVerificationVariables> = {
  en: ({ verifyUrl }, { brand }) => ({
    subject: `Verify your email address for ${brand.productName}`,
    preheader: 'Confirm your email address to finish setting up your account.',
    heading: 'Verify your email address',
    paragraphs: [[`Please confirm that this is your email address to finish setting up your ${brand.productName} account.`]],
    action: { label: 'Verify email address', url: verifyUrl },
    notes: [`If you didn’t create a ${brand.productName} account, you can ignore this email.`],
  }),
  'zh-Hans': ({ verifyUrl }, { brand }) => ({
    subject: `请验证你的 ${brand.productName} 邮箱地址`,
    preheader: '验证邮箱地址，完成账号设置。',
    heading: '验证你的邮箱地址',
    paragraphs: [[`请点击下方链接，确认这是你的邮箱地址，以完成 ${brand.productName} 账号的设置。`]],
    action: { label: '验证邮箱地址', url: verifyUrl },
    notes: [`如果你没有注册过 ${brand.productName} 账号，请忽略这封邮件。`],
  }),
};
