import { Logger } from '@nestjs/common';
import { loadConfig } from '../../config/app-config';
import { LogNotificationChannel, maskRecipient, type Notification } from './notification-channel';

const base = { DATABASE_URL: 'postgres://u@localhost/db', REDIS_URL: 'redis://localhost:6379' };
const notification: Notification = {
  kind: 'password-reset',
  to: { phone: '+84912345678', email: null },
  language: 'vi',
  link: 'https://hocso.example.vn/reset-password#token=SECRET-TOKEN',
  expiresInMinutes: 30,
};

describe('LogNotificationChannel', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs the link in development, with the recipient masked', async () => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    await new LogNotificationChannel(loadConfig({ ...base, NODE_ENV: 'development' })).send(notification);
    const text = JSON.stringify(log.mock.calls);
    expect(text).toContain('#token=SECRET-TOKEN');
    expect(text).toContain('+8491****678');
    expect(text).not.toContain('+84912345678');
  });

  it('never logs the link (a secret) in production', async () => {
    const calls: unknown[] = [];
    for (const level of ['log', 'warn', 'error'] as const) jest.spyOn(Logger.prototype, level).mockImplementation((...args: unknown[]) => void calls.push(args));
    await new LogNotificationChannel(loadConfig({ ...base, NODE_ENV: 'production' })).send(notification);
    expect(JSON.stringify(calls)).not.toContain('SECRET-TOKEN');
    expect(JSON.stringify(calls)).toContain('no notification channel is configured');
  });

  it('masks emails and phone numbers', () => {
    expect(maskRecipient({ phone: null, email: 'nguyen.van.a@example.vn' })).toBe('ng***@example.vn');
    expect(maskRecipient({ phone: '+84912345678', email: null })).toBe('+8491****678');
  });
});
