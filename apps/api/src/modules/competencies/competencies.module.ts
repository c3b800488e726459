import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CompetencyMappingService } from './competency-mapping.service';
import { CompetencyMappingsController } from './competency-mappings.controller';
import { CourseCoverageController } from './course-coverage.controller';
import { CourseCoverageService } from './course-coverage.service';
import { curriculumCatalogProvider } from './curriculum';
import { FrameworksController } from './frameworks.controller';
import { FrameworksService } from './frameworks.service';
import { LessonCompetency } from './lesson-competency.entity';

/**
 * Competency frameworks (from @hocso/curriculum, never copied), the validation of lesson and
 * quiz-item mappings, and coverage of courses against target groups' required profiles.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LessonCompetency])],
  controllers: [FrameworksController, CompetencyMappingsController, CourseCoverageController],
  providers: [curriculumCatalogProvider, CompetencyMappingService, FrameworksService, CourseCoverageService],
  exports: [CompetencyMappingService, CourseCoverageService],
})
export class CompetenciesModule {}
