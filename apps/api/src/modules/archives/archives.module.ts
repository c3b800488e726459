import { Module } from '@nestjs/common';
import { CompetenciesModule } from '../competencies/competencies.module';
import { MediaModule } from '../media/media.module';
import { ArchiveBodyParser } from './archive-body-parser';
import { ArchiveExportService, QUIZ_ARCHIVER } from './archive-export.service';
import { ArchiveImportService } from './archive-import.service';
import { ARCHIVE_MEDIA } from './archive-media.port';
import { ArchivesController } from './archives.controller';
import { MediaArchiveAdapter } from './media-archive.adapter';
import { QuizArchiverService } from './quiz-archiver';

/** Course archives: export a course version as one .zip, import one as a new draft course. */
@Module({
  imports: [CompetenciesModule, MediaModule],
  controllers: [ArchivesController],
  providers: [
    ArchiveExportService,
    ArchiveImportService,
    ArchiveBodyParser,
    { provide: ARCHIVE_MEDIA, useClass: MediaArchiveAdapter },
    QuizArchiverService,
    { provide: QUIZ_ARCHIVER, useExisting: QuizArchiverService },
  ],
  exports: [ArchiveExportService, ArchiveImportService],
})
export class ArchivesModule {}
