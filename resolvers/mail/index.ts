import { loadTypeDefs, type DomainModule } from '../module.js';
import { MailDelivery } from './MailDelivery.js';
import { Query } from './Query.js';

export const mailModule: DomainModule = {
  name: 'mail',
  typeDefs: loadTypeDefs('mail'),
  resolvers: { Query, MailDelivery },
};
