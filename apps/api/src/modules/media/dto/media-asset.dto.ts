import { ApiProperty } from '@nestjs/swagger';
import { MEDIA_STATUSES, type MediaStatus } from '../media-asset.entity';

export class MediaErrorDto {
  @ApiProperty({ example: 'not_a_video' }) code!: string;
  @ApiProperty({ example: 'This file is not a video…' }) message!: string;
}

export class MediaRenditionDto {
  @ApiProperty({ example: 360 }) height!: number;
  @ApiProperty({ example: 614000, description: 'Peak bits per second (video + audio)' }) bandwidth!: number;
}

export class MediaCaptionDto {
  @ApiProperty({ example: 'vi' }) language!: string;
  @ApiProperty({ example: '/api/v1/media/files/<id>/captions/vi-0123456789abcdef.vtt' }) url!: string;
}

/** A video asset: its transcoding state and, when ready, where to play it. */
export class MediaAssetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MEDIA_STATUSES, enumName: 'MediaStatus' }) status!: MediaStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({ type: MediaErrorDto, nullable: true }) error!: MediaErrorDto | null;
  @ApiProperty({ type: Number, nullable: true }) durationSeconds!: number | null;
  @ApiProperty({ type: Number, nullable: true }) width!: number | null;
  @ApiProperty({ type: Number, nullable: true }) height!: number | null;
  @ApiProperty({ type: String, nullable: true }) posterUrl!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'HLS master playlist' }) hlsUrl!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Audio-only HLS playlist' }) audioUrl!: string | null;
  @ApiProperty({ type: [MediaRenditionDto] }) renditions!: MediaRenditionDto[];
  @ApiProperty({ type: [MediaCaptionDto] }) captions!: MediaCaptionDto[];
}

export class CaptionProblemDto {
  @ApiProperty({ example: 7 }) line!: number;
  @ApiProperty({ example: 'The cue ends (00:00:01.000) before or when it starts (00:00:02.000).' }) message!: string;
}

/** 422 answer to an invalid WebVTT file: every problem with its line. */
export class CaptionsErrorDto {
  @ApiProperty({ example: 422 }) statusCode!: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: [CaptionProblemDto] }) details!: CaptionProblemDto[];
  @ApiProperty() requestId!: string;
  @ApiProperty() path!: string;
}
