import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { Course } from './course.entity';
import { CourseModule } from './course-module.entity';
import { CourseVersion } from './course-version.entity';
import { Lesson } from './lesson.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Course, CourseVersion, CourseModule, Lesson])],
  controllers: [CatalogController],
  providers: [CatalogService],
  exports: [TypeOrmModule],
})
export class CatalogModule {}
