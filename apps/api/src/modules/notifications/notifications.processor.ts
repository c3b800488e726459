import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobName, QueueName } from '../../queue/queues';
import { PasswordResetService, type SendPasswordResetJob, type PasswordResetDelivery } from '../identity/password-reset.service';

/** Thin: each job calls one service method. */
@Processor(QueueName.Notifications)
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly passwordResets: PasswordResetService) {
    super();
  }

  async process(job: Job): Promise<PasswordResetDelivery> {
    switch (job.name as JobName) {
      case JobName.SendPasswordReset:
        return this.passwordResets.deliver(job.data as SendPasswordResetJob);
      default:
        throw new Error(`Unknown job ${job.name} on queue ${QueueName.Notifications}`);
    }
  }
}
