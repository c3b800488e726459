import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogModule } from '../catalog/catalog.module';
import { CompetenciesModule } from '../competencies/competencies.module';
import { MediaModule } from '../media';
import { ImageBodyParser } from './image-body-parser';
import { ReviewsController } from './reviews.controller';
import { StudioPublicController } from './studio-public.controller';
import { StudioController } from './studio.controller';
import { StudioService } from './studio.service';
import { VersionReader } from './version-reader';
import { VersionsService } from './versions.service';

/**
 * The studio: authoring of courses (/api/v1/studio, authors), their review (/api/v1/reviews,
 * reviewers) and versions (a published version is immutable; a new draft copies it keeping keys).
 */
@Module({
  imports: [CatalogModule, CompetenciesModule, AuditModule, MediaModule],
  controllers: [StudioController, ReviewsController, StudioPublicController],
  providers: [StudioService, VersionsService, VersionReader, ImageBodyParser],
  exports: [VersionReader],
})
export class StudioModule {}
