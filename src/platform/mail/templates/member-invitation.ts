import type { TemplateCopy } from './layout.js';

export interface MemberInvitationVariables {
  /** Who sent the invitation (a display name). */
  inviter: string;
  /** The workspace's name. */
  workspace: string;
  acceptUrl: string;
  /** A Date or an ISO 8601 string; shown in UTC. */
  expiresAt: Date | string;
}

export const memberInvitation: TemplateCopy<MemberInvitationVariables> = {
  en: ({ inviter, workspace, acceptUrl, expiresAt }, { brand, date }) => ({
    subject: `${inviter} invited you to join ${workspace} on ${brand.productName}`,
    preheader: `Accept the invitation to start working together in ${workspace}.`,
    heading: `Join ${workspace} on ${brand.productName}`,
    paragraphs: [
      [{ strong: inviter }, ' has invited you to join the ', { strong: workspace }, ` workspace on ${brand.productName}.`],
      ['Accept the invitation to start collaborating with your team.'],
    ],
    action: { label: 'Accept invitation', url: acceptUrl },
    notes: [`This invitation expires on ${date(expiresAt)}.`, 'If you weren’t expecting this invitation, you can ignore this email.'],
  }),
  'zh-Hans': ({ inviter, workspace, acceptUrl, expiresAt }, { brand, date }) => ({
    subject: `${inviter} 邀请你加入 ${brand.productName} 工作空间“${workspace}”`,
    preheader: `接受邀请，即可加入“${workspace}”，与团队一起协作。`,
    heading: `加入工作空间“${workspace}”`,
    paragraphs: [
      [{ strong: inviter }, ` 邀请你加入 ${brand.productName} 上的工作空间“`, { strong: workspace }, '”。'],
      ['接受邀请后，你就可以和团队成员一起协作了。'],
    ],
    action: { label: '接受邀请', url: acceptUrl },
    notes: [`此邀请将于 ${date(expiresAt)}失效。`, '如果你不认识邀请人，或者不想加入，忽略这封邮件即可。'],
  }),
};
