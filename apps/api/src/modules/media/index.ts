// What other modules use from media.
export { OBJECT_STORAGE, ObjectNotFoundError, contentTypeOf, type ObjectStorage, type StoredObject, type ByteRange } from './storage/object-storage';
export { MediaModule } from './media.module';
export { MediaService, type MediaAssetView } from './media.service';
export { MediaError } from './ffmpeg';
