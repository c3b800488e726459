import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { JobName, QueueName, jobId } from '../../queue/queues';

export interface CourseCompletedJob {
  completionId: string;
  userId: string;
  courseId: string;
  versionId: string;
  completedAt: string;
}

/** Statements to mirror that do not come from progress_events (those are swept). */
export type MirrorLearningJob =
  | { kind: 'enrolment'; enrolmentId: string; userId: string; courseId: string; versionNumber: number; at: string }
  | { kind: 'lesson-completed'; userId: string; courseId: string; lessonKey: string; lessonKind: string; source: string; completedAt: string };

/** Enqueues the learning jobs (the API never runs them; the worker's LearningProcessor does). */
@Injectable()
export class LearningJobs {
  private readonly logger = new Logger(LearningJobs.name);
  private lastMirrorBucket = 0;

  constructor(@InjectQueue(QueueName.Learning) private readonly queue: Queue) {}

  courseCompleted(job: CourseCompletedJob) {
    return this.queue.add(JobName.CourseCompleted, job, { jobId: jobId(JobName.CourseCompleted, job.userId, job.courseId) });
  }

  mirror(job: MirrorLearningJob) {
    const key = job.kind === 'enrolment' ? [job.kind, job.enrolmentId] : [job.kind, job.userId, job.courseId, job.lessonKey];
    return this.queue.add(JobName.MirrorXapiLearning, job, { jobId: jobId(JobName.MirrorXapiLearning, ...key) });
  }

  /**
   * Progress events are mirrored by a sweep over progress_events not yet mirrored: at most one
   * sweep job per second is asked for (same job id within a second), delayed so that it runs after
   * that second's batches committed. Fire and forget: a lost request is caught by the periodic sweep.
   */
  requestProgressMirror(): void {
    const bucket = Math.floor(Date.now() / 1000);
    if (bucket === this.lastMirrorBucket) return;
    this.lastMirrorBucket = bucket;
    this.queue
      .add(JobName.MirrorXapiProgress, {}, { jobId: jobId(JobName.MirrorXapiProgress, bucket), delay: 1500, removeOnComplete: { age: 3600, count: 100 } })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'could not enqueue the xAPI progress mirror'));
  }

  /** The periodic sweep (worker boot): re-enqueues completions not yet notified and mirrors leftovers. */
  scheduleSweep() {
    return this.queue.upsertJobScheduler(`${JobName.LearningSweep}-every-minute`, { every: 60_000 }, { name: JobName.LearningSweep, data: {} });
  }
}
