import type { LocalizedText, Message } from './types';

/**
 * Ready-made texts for every message code this package emits. Apps may ignore `text` and
 * translate `code` + `params` themselves (e.g. with i18next); the placeholders are `{name}`.
 */
export const MESSAGE_TEMPLATES: Readonly<Record<string, LocalizedText>> = {
  // validation
  'invalid-shape': { vi: 'Dữ liệu không đúng cấu trúc: {expected}.', en: 'Invalid structure: expected {expected}.' },
  'invalid-ref': {
    vi: 'Mã năng lực "{value}" không đúng dạng "<khung>:<mã>".',
    en: 'Competency reference "{value}" is not of the form "<framework>:<code>".',
  },
  'unknown-framework': { vi: 'Không có khung năng lực "{frameworkId}".', en: 'Unknown framework "{frameworkId}".' },
  'unknown-version': {
    vi: 'Khung "{frameworkId}" không có phiên bản {version}.',
    en: 'Framework "{frameworkId}" has no version {version}.',
  },
  'unknown-competency': {
    vi: 'Khung "{frameworkId}" phiên bản {version} không có năng lực mã {code}.',
    en: 'Framework "{frameworkId}" version {version} has no competency {code}.',
  },
  'level-out-of-range': {
    vi: 'Mức {level} nằm ngoài thang 1–{max} của khung "{frameworkId}".',
    en: 'Level {level} is outside the 1–{max} scale of framework "{frameworkId}".',
  },
  'deprecated-version': {
    vi: 'Khung "{frameworkId}" phiên bản {version} đã ngừng sử dụng; hãy chuyển sang phiên bản {replacement}.',
    en: 'Framework "{frameworkId}" version {version} is deprecated; move to version {replacement}.',
  },
  'duplicate-item': { vi: 'Mục "{itemId}" bị lặp.', en: 'Item "{itemId}" appears more than once.' },
  // mastery / universalisation gaps
  'no-evidence': {
    vi: 'Chưa có minh chứng nào cho năng lực {competency}; cần đạt mức {required}.',
    en: 'No evidence yet for {competency}; level {required} is required.',
  },
  'level-too-low': {
    vi: 'Năng lực {competency} mới đạt mức {achieved}, cần mức {required}.',
    en: '{competency} is at level {achieved}; level {required} is required.',
  },
  'evidence-too-old': {
    vi: 'Minh chứng cho năng lực {competency} ở mức {required} đã quá cũ; cần làm lại bài đánh giá.',
    en: 'The evidence for {competency} at level {required} is too old; it needs to be assessed again.',
  },
  'insufficient-evidence': {
    vi: 'Đã có kết quả đạt cho năng lực {competency} ở mức {required} nhưng chưa đủ chắc chắn ({strength}/{threshold}); cần thêm bài kiểm tra hoặc thực hành.',
    en: 'There are passing results for {competency} at level {required} but not enough yet ({strength}/{threshold}); more quizzes or practice are needed.',
  },
  confirmed: {
    vi: 'Đã đạt đủ {met}/{required} yêu cầu: xác nhận hoàn thành phổ cập kỹ năng số cơ bản ({targetGroup}).',
    en: 'All {met}/{required} requirements met: confirmed as having basic digital skills ({targetGroup}).',
  },
  'not-confirmed': {
    vi: 'Đạt {met}/{required} yêu cầu; còn thiếu: {missing}.',
    en: '{met}/{required} requirements met; still missing: {missing}.',
  },
  // coverage
  covered: {
    vi: 'Năng lực {competency} được đánh giá tới mức {achieved} (cần mức {required}).',
    en: '{competency} is assessed up to level {achieved} (level {required} required).',
  },
  'not-mapped': {
    vi: 'Không có bài học hay bài kiểm tra nào gắn với năng lực {competency}.',
    en: 'No lesson or assessment is mapped to {competency}.',
  },
  'covered-below-level': {
    vi: 'Năng lực {competency} chỉ được dạy/đánh giá tới mức {achieved}, cần mức {required}.',
    en: '{competency} is only taught/assessed up to level {achieved}; level {required} is required.',
  },
  'not-assessed': {
    vi: 'Năng lực {competency} được dạy nhưng chưa có bài đánh giá ở mức {required}.',
    en: '{competency} is taught but not assessed at level {required}.',
  },
  'no-equivalent': {
    vi: 'Năng lực {competency} không có năng lực tương đương trong khung "{frameworkId}".',
    en: '{competency} has no equivalent in framework "{frameworkId}".',
  },
  'no-level-equivalent': {
    vi: 'Mức {level} của năng lực {competency} không có mức tương đương trong khung "{frameworkId}".',
    en: 'Level {level} of {competency} has no equivalent level in framework "{frameworkId}".',
  },
  'no-crosswalk': {
    vi: 'Chưa có bảng đối chiếu từ khung "{from}" sang khung "{frameworkId}".',
    en: 'No crosswalk from framework "{from}" to framework "{frameworkId}".',
  },
  // next steps
  foundation: { vi: 'Kỹ năng nền tảng, nên học trước.', en: 'A foundation skill: learn it first.' },
  'audience-focus': {
    vi: 'Ưu tiên cho nhóm {audience}.',
    en: 'A priority for {audience}.',
  },
  'almost-there': { vi: 'Sắp đạt: chỉ cần thêm một chút minh chứng.', en: 'Almost there: a little more evidence is needed.' },
  refresh: { vi: 'Ôn lại và làm lại bài đánh giá.', en: 'Review and take the assessment again.' },
  'next-level': {
    vi: 'Học năng lực {competency} từ mức {achieved} lên mức {required}.',
    en: 'Learn {competency} from level {achieved} up to level {required}.',
  },
};

/** Fills `{name}` placeholders. Unknown placeholders are left as they are. */
export function formatTemplate(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, key: string) => {
    const value = params[key];
    return value === undefined ? whole : String(value);
  });
}

/** Builds a message: code, params and its ready-made Vietnamese and English text. */
export function message(code: string, params: Readonly<Record<string, string | number>> = {}): Message {
  const template = MESSAGE_TEMPLATES[code] ?? { vi: code, en: code };
  return { code, params, text: { vi: formatTemplate(template.vi, params), en: formatTemplate(template.en, params) } };
}
