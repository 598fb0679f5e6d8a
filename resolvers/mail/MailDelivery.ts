import type { MailDeliveryResolvers, MailTemplate } from '../__generated__/types.js';
import { toLanguageEnum } from '../language.js';

export const MailDelivery: MailDeliveryResolvers = {
  template: (delivery) => delivery.template.toUpperCase() as MailTemplate,
  language: (delivery) => toLanguageEnum(delivery.language),
};
