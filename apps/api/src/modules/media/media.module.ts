import { Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MediaBodyParsers } from './media-body-parsers';
import { MediaController } from './media.controller';
import { MediaService } from './media.service';
import { OBJECT_STORAGE } from './storage/object-storage';
import { createObjectStorage } from './storage/storage.factory';
import { TusUploadServer } from './tus-upload.server';
import { UploadsController } from './uploads.controller';

/**
 * Media: storage (OBJECT_STORAGE, used by other modules too), resumable video upload (tus),
 * content check, transcoding to HLS (job processed by MediaProcessor in the worker), captions and
 * serving files. Other modules inject the storage with `@Inject(OBJECT_STORAGE) storage: ObjectStorage`
 * and use MediaService.ingestLocalFile / exportFiles for demo content and archives.
 */
@Module({
  controllers: [UploadsController, MediaController],
  providers: [
    { provide: OBJECT_STORAGE, inject: [AppConfig], useFactory: (config: AppConfig) => createObjectStorage(config) },
    MediaService,
    TusUploadServer,
    MediaBodyParsers,
  ],
  exports: [OBJECT_STORAGE, MediaService],
})
export class MediaModule {}
