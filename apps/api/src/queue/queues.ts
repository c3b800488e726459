import type { DefaultJobOptions } from 'bullmq';

/** Every queue of the platform. Processors run in the worker process only (see worker.module.ts). */
export enum QueueName {
  Content = 'content',
  Notifications = 'notifications',
  Media = 'media',
  Learning = 'learning',
  Assessment = 'assessment',
  Certificates = 'certificates',
  Xapi = 'xapi',
  Reports = 'reports',
}

/** Every job, with the queue it belongs to. */
export enum JobName {
  ImportDemoContent = 'import-demo-content',
  ImportDemoUnits = 'import-demo-units',
  SendPasswordReset = 'send-password-reset',
  GradeAttempt = 'grade-attempt',
  CloseOverdueAttempt = 'close-overdue-attempt',
  TranscodeVideo = 'transcode-video',
  IssueCertificate = 'issue-certificate',
  CheckUniversalisation = 'check-universalisation',
  CertificatesSweep = 'certificates-sweep',
  DeliverNationalIdConfirmation = 'deliver-national-id-confirmation',
  CourseCompleted = 'course-completed',
  MirrorXapiProgress = 'mirror-xapi-progress',
  MirrorXapiLearning = 'mirror-xapi-learning',
  LearningSweep = 'learning-sweep',
  ForwardXapiStatements = 'forward-xapi-statements',
  RefreshReports = 'refresh-reports',
  RecomputeReports = 'recompute-reports',
  GenerateReport = 'generate-report',
}

export const QUEUE_OF_JOB: Record<JobName, QueueName> = {
  [JobName.ForwardXapiStatements]: QueueName.Xapi,
  [JobName.ImportDemoContent]: QueueName.Content,
  [JobName.ImportDemoUnits]: QueueName.Content,
  [JobName.SendPasswordReset]: QueueName.Notifications,
  [JobName.GradeAttempt]: QueueName.Assessment,
  [JobName.CloseOverdueAttempt]: QueueName.Assessment,
  [JobName.TranscodeVideo]: QueueName.Media,
  [JobName.IssueCertificate]: QueueName.Certificates,
  [JobName.CheckUniversalisation]: QueueName.Certificates,
  [JobName.CertificatesSweep]: QueueName.Certificates,
  [JobName.DeliverNationalIdConfirmation]: QueueName.Certificates,
  [JobName.CourseCompleted]: QueueName.Learning,
  [JobName.MirrorXapiProgress]: QueueName.Learning,
  [JobName.MirrorXapiLearning]: QueueName.Learning,
  [JobName.LearningSweep]: QueueName.Learning,
  [JobName.RefreshReports]: QueueName.Reports,
  [JobName.RecomputeReports]: QueueName.Reports,
  [JobName.GenerateReport]: QueueName.Reports,
};

/**
 * Deterministic job id: the same logical job added twice is one job in BullMQ (while it is kept).
 * Effects are also keyed by unique constraints in PostgreSQL, since BullMQ delivers at least once.
 */
export function jobId(name: JobName, ...key: (string | number)[]): string {
  // BullMQ refuses ':' in custom ids (it is its key separator).
  return [name, ...key].map((part) => String(part).replace(/[:\s]/g, '_')).join('.');
}

/** Retried with exponential backoff; failed jobs are kept 30 days for inspection in the dashboard. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 1000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};
