import type { TemplateCopy } from './layout.js';

export interface SignInLinkVariables {
  signInUrl: string;
}

export const signInLink: TemplateCopy<SignInLinkVariables> = {
  en: ({ signInUrl }, { brand }) => ({
    subject: `Sign in to ${brand.productName}`,
    preheader: `Your sign-in link for ${brand.productName}.`,
    heading: `Sign in to ${brand.productName}`,
    paragraphs: [['Use the link below to sign in. No password needed.']],
    action: { label: 'Sign in', url: signInUrl },
    notes: [
      'If you didn’t request this link, you can safely ignore this email.',
      'Please don’t forward this email: anyone with the link can use it to sign in as you.',
    ],
  }),
  'zh-Hans': ({ signInUrl }, { brand }) => ({
    subject: `登录 ${brand.productName}`,
    preheader: `你的 ${brand.productName} 登录链接`,
    heading: `登录 ${brand.productName}`,
    paragraphs: [['点击下方链接即可登录，无需输入密码。']],
    action: { label: '登录', url: signInUrl },
    notes: ['如果这不是你本人的操作，请忽略这封邮件。', '请勿转发这封邮件：任何人拿到此链接，都能以你的身份登录。'],
  }),
};
