import { Module } from '@nestjs/common';
import { MediaModule } from '../media/media.module';
import { XapiModule } from '../xapi/xapi.module';
import { CompletionHooks } from './completion-hooks';
import { CourseOutlines } from './course-outline';
import { LearningJobs } from './learning-jobs.service';
import { LearningMirrorService } from './learning-mirror.service';
import { LearningController } from './learning.controller';
import { LearningService } from './learning.service';
import { LessonCompletionService } from './lesson-completion.service';
import { LessonDirectory } from './lesson-directory';
import { ProgressWriter } from './progress-writer';

/**
 * Enrolments, the learning path, progress events (group-committed), completion rules, course
 * completion and the learner dashboard. Exports LessonCompletionService (quizzes passed),
 * CompletionHooks (reactions to completions) and CourseOutlines (course page). The worker registers
 * LearningProcessor (course-completion reactions, xAPI mirror, sweep).
 */
@Module({
  imports: [MediaModule, XapiModule],
  controllers: [LearningController],
  providers: [LearningService, LessonCompletionService, CompletionHooks, CourseOutlines, LessonDirectory, ProgressWriter, LearningJobs, LearningMirrorService],
  exports: [LessonCompletionService, CompletionHooks, CourseOutlines, LearningService, LearningMirrorService, LearningJobs],
})
export class LearningModule {}
