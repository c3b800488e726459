import { HttpException, HttpStatus } from '@nestjs/common';

export type ArchiveLanguage = 'vi' | 'en';

/** Every reason an archive is refused, with its text in each language ({entry} and {detail} filled in). */
export const REFUSALS = {
  not_a_zip: { vi: 'Tệp không phải là tệp .zip hợp lệ.', en: 'The file is not a valid .zip archive.' },
  archive_too_large: { vi: 'Tệp lưu trữ vượt quá giới hạn {detail}.', en: 'The archive is larger than the limit of {detail}.' },
  too_many_entries: { vi: 'Tệp lưu trữ có quá nhiều mục (tối đa {detail}).', en: 'The archive has too many entries (at most {detail}).' },
  absolute_path: { vi: 'Mục "{entry}" có đường dẫn tuyệt đối.', en: 'Entry "{entry}" has an absolute path.' },
  path_traversal: { vi: 'Mục "{entry}" trỏ ra ngoài thư mục của tệp lưu trữ ("..").', en: 'Entry "{entry}" points outside the archive ("..").' },
  backslash: { vi: 'Mục "{entry}" có dấu gạch chéo ngược trong tên.', en: 'Entry "{entry}" has a backslash in its name.' },
  bad_name: { vi: 'Mục "{entry}" có tên không hợp lệ.', en: 'Entry "{entry}" has an invalid name.' },
  symlink: { vi: 'Mục "{entry}" là liên kết (symlink), không được phép.', en: 'Entry "{entry}" is a symbolic link, which is not allowed.' },
  special_file: { vi: 'Mục "{entry}" không phải tệp thông thường.', en: 'Entry "{entry}" is not a regular file.' },
  duplicate_entry: { vi: 'Mục "{entry}" xuất hiện hai lần.', en: 'Entry "{entry}" appears twice.' },
  encrypted_entry: { vi: 'Mục "{entry}" được mã hoá.', en: 'Entry "{entry}" is encrypted.' },
  unsupported_compression: { vi: 'Mục "{entry}" dùng kiểu nén không hỗ trợ.', en: 'Entry "{entry}" uses an unsupported compression method.' },
  entry_too_large: { vi: 'Mục "{entry}" vượt quá giới hạn kích thước ({detail}).', en: 'Entry "{entry}" is over the size limit ({detail}).' },
  total_too_large: { vi: 'Nội dung giải nén vượt quá giới hạn {detail}.', en: 'The uncompressed content is over the limit of {detail}.' },
  compression_ratio: {
    vi: 'Mục "{entry}" có tỉ lệ nén bất thường (nghi là bom zip).',
    en: 'Entry "{entry}" has a suspicious compression ratio (a zip bomb?).',
  },
  size_mismatch: {
    vi: 'Mục "{entry}" có kích thước thật khác với kích thước khai báo.',
    en: 'Entry "{entry}" does not have the size its header declares.',
  },
  corrupt_entry: { vi: 'Mục "{entry}" bị hỏng: {detail}', en: 'Entry "{entry}" is corrupt: {detail}' },
  missing_manifest: { vi: 'Tệp lưu trữ thiếu manifest.json.', en: 'The archive has no manifest.json.' },
  invalid_json: { vi: 'Tệp "{entry}" không phải JSON hợp lệ.', en: '"{entry}" is not valid JSON.' },
  unknown_format: {
    vi: 'Đây không phải tệp lưu trữ khoá học hocso (định dạng "{detail}").',
    en: 'This is not a hocso course archive (format "{detail}").',
  },
  unsupported_version: {
    vi: 'Phiên bản định dạng {detail} không được hỗ trợ.',
    en: 'Archive format version {detail} is not supported.',
  },
  schema_violation: { vi: 'Tệp "{entry}" không đúng lược đồ: {detail}', en: '"{entry}" does not match the schema: {detail}' },
  unlisted_entry: { vi: 'Mục "{entry}" không có trong manifest.json.', en: 'Entry "{entry}" is not listed in manifest.json.' },
  missing_entry: { vi: 'Thiếu tệp "{entry}" được khai báo trong manifest.json.', en: 'File "{entry}" listed in manifest.json is missing.' },
  checksum_mismatch: { vi: 'Mã kiểm tra (SHA-256) của "{entry}" không khớp.', en: 'The SHA-256 checksum of "{entry}" does not match.' },
  invalid_mapping: { vi: 'Ánh xạ năng lực không hợp lệ: {detail}', en: 'Invalid competency mapping: {detail}' },
  invalid_media: { vi: 'Tệp phương tiện "{entry}" không dùng được: {detail}', en: 'Media file "{entry}" cannot be used: {detail}' },
  invalid_captions: { vi: 'Phụ đề "{entry}" không hợp lệ: {detail}', en: 'Captions "{entry}" are invalid: {detail}' },
  invalid_quiz: { vi: 'Câu hỏi của bài "{entry}" không hợp lệ: {detail}', en: 'Quiz items of lesson "{entry}" are invalid: {detail}' },
  empty_upload: { vi: 'Chưa có tệp nào được gửi lên.', en: 'No file was uploaded.' },
} as const satisfies Record<string, Record<ArchiveLanguage, string>>;

export type RefusalCode = keyof typeof REFUSALS;

/** Where a refusal comes from, before it is put in the caller's language. */
export class ArchiveRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    readonly entry = '',
    readonly detail = '',
  ) {
    super(ArchiveRefusal.text(code, entry, detail, 'en'));
    this.name = 'ArchiveRefusal';
  }

  static text(code: RefusalCode, entry: string, detail: string, lang: ArchiveLanguage): string {
    // Entry names come from the archive: keep them short and printable in the message.
    const safeEntry = entry.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 120);
    return REFUSALS[code][lang].replace('{entry}', safeEntry).replace('{detail}', detail.slice(0, 500));
  }

  toHttp(lang: ArchiveLanguage): HttpException {
    const status = this.code === 'archive_too_large' ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.UNPROCESSABLE_ENTITY;
    return new HttpException({ message: `${ArchiveRefusal.text(this.code, this.entry, this.detail, lang)} [${this.code}]` }, status);
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / (1024 * 1024 * 1024)).toFixed(1)} GiB`;
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  return `${bytes} B`;
}
