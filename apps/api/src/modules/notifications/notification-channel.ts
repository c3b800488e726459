import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

/** Where a message goes: the person's phone number (E.164) and/or email address. */
export interface Recipient {
  phone: string | null;
  email: string | null;
}

/** A message to one person. Its link may carry a secret (a reset token): a channel must never log it in production. */
export interface Notification {
  kind: 'password-reset';
  to: Recipient;
  /** Language of the person (their preference), for the text of the message. */
  language: 'vi' | 'en';
  link: string;
  expiresInMinutes: number;
}

/**
 * Delivers notifications (SMS, email…). Injected by this abstract class, so that a deployment binds
 * a real channel and tests can observe what is sent (`jest.spyOn(worker.get(NotificationChannel), 'send')`).
 */
export abstract class NotificationChannel {
  abstract send(notification: Notification): Promise<void>;
}

/** Masks the middle of a phone number or email for logs: +8491****678, ng***@example.com. */
export function maskRecipient(to: Recipient): string {
  if (to.email) {
    const [local = '', domain = ''] = to.email.split('@');
    return `${local.slice(0, 2)}***@${domain}`;
  }
  if (to.phone) return `${to.phone.slice(0, 5)}****${to.phone.slice(-3)}`;
  return '(no address)';
}

/**
 * The development channel: writes the message, with its link, to the log, so a developer can follow
 * a reset link without an SMS or email gateway. In production it refuses to log the link (it carries
 * a secret) and warns that no delivery channel is configured.
 */
@Injectable()
export class LogNotificationChannel extends NotificationChannel {
  private readonly logger = new Logger('Notifications');

  constructor(private readonly config: AppConfig) {
    super();
  }

  send(notification: Notification): Promise<void> {
    const to = maskRecipient(notification.to);
    if (this.config.isProduction) {
      this.logger.warn({ kind: notification.kind, to }, 'no notification channel is configured: the message was not delivered');
    } else {
      this.logger.log({ kind: notification.kind, to, expiresInMinutes: notification.expiresInMinutes }, `[development] ${notification.kind} link: ${notification.link}`);
    }
    return Promise.resolve();
  }
}
