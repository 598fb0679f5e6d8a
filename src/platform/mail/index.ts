import type { Logger } from '../../logger.js';
import type { MailConfig, Mailer } from './mailer.js';
import { OutboxMailer } from './outbox.mailer.js';
import { SendGridMailer } from './sendgrid.mailer.js';
import { SmtpMailer } from './smtp.mailer.js';
import { invalidConfig } from '../../errors.js';

export { OutboxMailer } from './outbox.mailer.js';
export { SendGridMailer } from './sendgrid.mailer.js';
export { SmtpMailer } from './smtp.mailer.js';
export * from './mailer.js';
export { renderTemplate, resolveLanguage, TEMPLATE_NAMES, type Brand, type RenderedEmail, type TemplateLanguage, type TemplateName, type TemplateVariables } from './templates/render.js';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The mail driver `config` selects (PLUGBOARD_MAIL=outbox|smtp|sendgrid); throws one
 * clear line when a required setting is missing or malformed.
 */
export function createMailer(config: MailConfig, log: Logger): Mailer {
  switch (config?.driver) {
    case 'outbox':
      if (!config.dir?.trim()) throw invalidConfig('a mail outbox folder (under PLUGBOARD_DATA_DIR) is required when PLUGBOARD_MAIL=outbox');
      return new OutboxMailer(config.dir, log.child({ component: 'mail', driver: 'outbox' }));
    case 'smtp': {
      if (!config.host?.trim()) throw invalidConfig('PLUGBOARD_SMTP_HOST is required when PLUGBOARD_MAIL=smtp');
      if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65535) {
        throw invalidConfig('PLUGBOARD_SMTP_PORT must be a port number from 1 to 65535');
      }
      if (typeof config.secure !== 'boolean') throw invalidConfig('PLUGBOARD_SMTP_SECURE must be true or false');
      if (config.requireTls !== undefined && typeof config.requireTls !== 'boolean') {
        throw invalidConfig('PLUGBOARD_SMTP_REQUIRE_TLS must be true or false');
      }
      const hasUser = Boolean(config.user);
      const hasPassword = Boolean(config.password);
      if (hasUser !== hasPassword) {
        throw invalidConfig(
          hasUser
            ? 'PLUGBOARD_SMTP_PASSWORD is required when PLUGBOARD_SMTP_USER is set'
            : 'PLUGBOARD_SMTP_USER is required when PLUGBOARD_SMTP_PASSWORD is set',
        );
      }
      const smtpLog = log.child({ component: 'mail', driver: 'smtp' });
      if (hasUser && !config.secure && !config.requireTls) {
        smtpLog.warn(
          { host: config.host, port: config.port },
          'SMTP credentials go out unencrypted if the server does not offer STARTTLS: set PLUGBOARD_SMTP_REQUIRE_TLS=true or PLUGBOARD_SMTP_SECURE=true',
        );
      }
      if (config.tlsRejectUnauthorized === false) smtpLog.warn({ host: config.host }, 'SMTP server certificates are not verified');
      return new SmtpMailer(
        {
          driver: 'smtp',
          host: config.host.trim(),
          port: config.port,
          secure: config.secure,
          requireTls: config.requireTls ?? false,
          ...(hasUser ? { user: config.user, password: config.password } : {}),
          pool: config.pool ?? false,
          tlsRejectUnauthorized: config.tlsRejectUnauthorized ?? true,
        },
        smtpLog,
      );
    }
    case 'sendgrid':
      if (!config.apiKey?.trim()) throw invalidConfig('SENDGRID_API_KEY is required when PLUGBOARD_MAIL=sendgrid');
      // eslint-disable-next-line no-control-regex
      if (/[\s\u0000-\u001f\u007f]/.test(config.apiKey)) throw invalidConfig('SENDGRID_API_KEY must not contain spaces or control characters');
      if (config.baseUrl !== undefined && !isHttpUrl(config.baseUrl)) throw invalidConfig('SENDGRID_BASE_URL must be an http:// or https:// URL');
      return new SendGridMailer(config, log.child({ component: 'mail', driver: 'sendgrid' }));
    default:
      throw invalidConfig('PLUGBOARD_MAIL must be outbox, smtp or sendgrid');
  }
}
