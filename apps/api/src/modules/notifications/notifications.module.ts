import { Module } from '@nestjs/common';
import { LogNotificationChannel, NotificationChannel } from './notification-channel';

/**
 * Delivery of messages to people. Jobs of the `notifications` queue are processed in the worker
 * (NotificationsProcessor, registered by WorkerModule); the channel is the log for now.
 */
@Module({
  providers: [{ provide: NotificationChannel, useClass: LogNotificationChannel }],
  exports: [NotificationChannel],
})
export class NotificationsModule {}
