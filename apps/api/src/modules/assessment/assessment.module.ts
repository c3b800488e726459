import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompetenciesModule } from '../competencies/competencies.module';
import { curriculumCatalogProvider } from '../competencies/curriculum';
import { AssessmentAuthoringController, LearnerQuizController } from './assessment.controller';
import { AttemptsService } from './attempts.service';
import { ASSESSMENT_ENTITIES } from './entities';
import { GradingService } from './grading.service';
import { ItemsService } from './items.service';
import { LessonCompletionPort } from './lesson-completion.port';
import { MasteryService } from './mastery.service';
import { QuizzesService } from './quizzes.service';
import { ReviewsService } from './reviews.service';

/**
 * Item bank, quizzes, attempts and grading. Grading runs as jobs of the `assessment` queue
 * (AssessmentProcessor, registered in WorkerModule); grades write `competency_evidence`.
 */
@Module({
  imports: [TypeOrmModule.forFeature(ASSESSMENT_ENTITIES), CompetenciesModule],
  controllers: [AssessmentAuthoringController, LearnerQuizController],
  providers: [curriculumCatalogProvider, ItemsService, QuizzesService, AttemptsService, GradingService, ReviewsService, MasteryService, LessonCompletionPort],
  exports: [GradingService, AttemptsService, MasteryService],
})
export class AssessmentModule {}
