import { COURSE_LEVELS, TARGET_GROUPS } from '../catalog/course-version.entity';
import { LESSON_KINDS } from '../catalog/lesson.entity';

/** The name and version every archive's manifest.json carries; other values are refused. */
export const ARCHIVE_FORMAT = 'hocso-course-archive';
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';
export const COURSE_PATH = 'course.json';

/** What an import accepts. Sizes count the bytes actually read, never the zip headers' claims. */
export interface ArchiveLimits {
  /** The uploaded .zip itself. */
  maxArchiveBytes: number;
  maxEntries: number;
  maxEntryBytes: number;
  /** All entries uncompressed together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed above this (for entries over 1 MiB) is taken for a zip bomb. */
  maxCompressionRatio: number;
  /** manifest.json and course.json. */
  maxJsonBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxArchiveBytes: 1024 * 1024 * 1024,
  maxEntries: 2000,
  maxEntryBytes: 1024 * 1024 * 1024,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxJsonBytes: 8 * 1024 * 1024,
};

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

/** manifest.json: what the archive is and the checksum of every other file in it. */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  createdAt: string;
  generator: string;
  files: ManifestFile[];
}

export interface ArchivedCompetency {
  competencyRef: string;
  level: number;
  frameworkVersion: string;
}

export interface ArchivedCaption {
  language: string;
  /** Path of the WebVTT file in the archive. */
  file: string;
}

export interface ArchivedVideo {
  /** Path of the video file in the archive (the original upload, re-transcoded on import). */
  file: string;
  filename: string;
  captions: ArchivedCaption[];
}

export interface ArchivedQuizItem {
  /** The assessment module's own item data, passed back to it on import. */
  [key: string]: unknown;
}

export interface ArchivedLesson {
  kind: (typeof LESSON_KINDS)[number];
  title: string;
  body: string | null;
  estimatedMinutes: number;
  completionPercent: number;
  translations: Record<string, { title?: string; body?: string }>;
  competencies: ArchivedCompetency[];
  video: ArchivedVideo | null;
  /** Quiz items of a quiz lesson, as the assessment module exports them (absent: none). */
  quiz?: { items: ArchivedQuizItem[]; settings?: Record<string, unknown> } | null;
}

export interface ArchivedModule {
  title: string;
  translations: Record<string, { title?: string }>;
  lessons: ArchivedLesson[];
}

/** course.json: the exported course version. */
export interface ArchivedCourse {
  course: {
    slug: string;
    language: string;
    title: string;
    summary: string;
    translations: Record<string, { title?: string; summary?: string }>;
    targetGroups: string[];
    level: (typeof COURSE_LEVELS)[number];
    estimatedMinutes: number;
    sequential: boolean;
    sourceVersionNumber: number;
    /** Path of the cover image in the archive, if the course has one. */
    coverImage: string | null;
  };
  modules: ArchivedModule[];
}

const sha256 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const archivePath = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$' } as const;
const language = { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' } as const;
const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const translationsOf = (fields: Record<string, number>) =>
  ({
    type: 'object',
    maxProperties: 20,
    propertyNames: language,
    additionalProperties: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(Object.entries(fields).map(([name, max]) => [name, text(max)])),
    },
  }) as const;

/** JSON Schema (draft 2020-12 subset, checked with ajv) of manifest.json. */
export const MANIFEST_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['format', 'formatVersion', 'createdAt', 'generator', 'files'],
  properties: {
    format: { const: ARCHIVE_FORMAT },
    formatVersion: { const: ARCHIVE_FORMAT_VERSION },
    createdAt: { type: 'string', maxLength: 40 },
    generator: text(100),
    files: {
      type: 'array',
      maxItems: DEFAULT_ARCHIVE_LIMITS.maxEntries,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['path', 'size', 'sha256'],
        properties: { path: archivePath, size: { type: 'integer', minimum: 0 }, sha256 },
      },
    },
  },
} as const;

const competency = {
  type: 'object',
  additionalProperties: false,
  required: ['competencyRef', 'level', 'frameworkVersion'],
  properties: { competencyRef: text(100), level: { type: 'integer', minimum: 1, maximum: 10 }, frameworkVersion: text(40) },
} as const;

/** JSON Schema of course.json. */
export const COURSE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['course', 'modules'],
  properties: {
    course: {
      type: 'object',
      additionalProperties: false,
      required: ['slug', 'language', 'title', 'summary', 'translations', 'targetGroups', 'level', 'estimatedMinutes', 'sequential', 'sourceVersionNumber', 'coverImage'],
      properties: {
        slug: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 100 },
        language,
        title: { type: 'string', minLength: 1, maxLength: 300 },
        summary: text(5000),
        translations: translationsOf({ title: 300, summary: 5000 }),
        targetGroups: { type: 'array', uniqueItems: true, maxItems: 10, items: { enum: [...TARGET_GROUPS] } },
        level: { enum: [...COURSE_LEVELS] },
        estimatedMinutes: { type: 'integer', minimum: 0, maximum: 100000 },
        sequential: { type: 'boolean' },
        sourceVersionNumber: { type: 'integer', minimum: 1 },
        coverImage: { anyOf: [archivePath, { type: 'null' }] },
      },
    },
    modules: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['title', 'translations', 'lessons'],
        properties: {
          title: { type: 'string', minLength: 1, maxLength: 300 },
          translations: translationsOf({ title: 300 }),
          lessons: {
            type: 'array',
            maxItems: 500,
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['kind', 'title', 'body', 'estimatedMinutes', 'completionPercent', 'translations', 'competencies', 'video'],
              properties: {
                kind: { enum: [...LESSON_KINDS] },
                title: { type: 'string', minLength: 1, maxLength: 300 },
                body: { anyOf: [text(500_000), { type: 'null' }] },
                estimatedMinutes: { type: 'integer', minimum: 0, maximum: 10000 },
                completionPercent: { type: 'integer', minimum: 1, maximum: 100 },
                translations: translationsOf({ title: 300, body: 500_000 }),
                competencies: { type: 'array', maxItems: 50, items: competency },
                video: {
                  anyOf: [
                    { type: 'null' },
                    {
                      type: 'object',
                      additionalProperties: false,
                      required: ['file', 'filename', 'captions'],
                      properties: {
                        file: archivePath,
                        filename: text(255),
                        captions: {
                          type: 'array',
                          maxItems: 20,
                          items: {
                            type: 'object',
                            additionalProperties: false,
                            required: ['language', 'file'],
                            properties: { language, file: archivePath },
                          },
                        },
                      },
                    },
                  ],
                },
                quiz: {
                  anyOf: [
                    { type: 'null' },
                    {
                      type: 'object',
                      additionalProperties: false,
                      required: ['items'],
                      properties: {
                        items: { type: 'array', maxItems: 500, items: { type: 'object' } },
                        settings: { type: 'object' },
                      },
                    },
                  ],
                },
              },
            },
          },
        },
      },
    },
  },
} as const;
