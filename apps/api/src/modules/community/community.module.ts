import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module';
import { MediaModule } from '../media/media.module';
import { CommunityClassesController } from './classes.controller';
import { ClassesService } from './classes.service';
import { CommunityLearnerController } from './learner.controller';
import { LiveHub } from './live-hub';
import { LiveService } from './live.service';
import { SessionsService } from './sessions.service';

/**
 * Community classes (issue 8): classes in a unit with a weekly schedule, attendees (joined by code,
 * or walk-ins linked later), sessions, attendance (QR check-in and checklist), the presenter's
 * content, and live questions with tallies over server-sent events (Redis pub/sub across replicas).
 */
@Module({
  imports: [LearningModule, MediaModule],
  controllers: [CommunityClassesController, CommunityLearnerController],
  providers: [ClassesService, SessionsService, LiveService, LiveHub],
})
export class CommunityModule {}
