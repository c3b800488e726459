import { Processor, WorkerHost } from '@nestjs/bullmq';
import { UnrecoverableError, type Job } from 'bullmq';
import { JobName, QueueName } from '../../queue/queues';
import { MediaError } from './ffmpeg';
import { MediaService } from './media.service';

/** Thin: the transcoding job calls MediaService, which holds the rules and the clean-up. */
@Processor(QueueName.Media, { concurrency: 1 })
export class MediaProcessor extends WorkerHost {
  constructor(private readonly media: MediaService) {
    super();
  }

  async process(job: Job<{ assetId: string }>): Promise<{ result: string }> {
    if (job.name !== (JobName.TranscodeVideo as string)) throw new UnrecoverableError(`Unknown job ${job.name}`);
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    try {
      const result = await this.media.transcodeAsset(job.data.assetId, {
        finalAttempt,
        onProgress: (percent) => job.updateProgress(percent).catch(() => undefined),
      });
      return { result };
    } catch (error) {
      if (error instanceof MediaError && !error.retryable) throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}
