import { AUDIENCES, TARGET_GROUPS, type AudienceId, type TargetGroupId } from '@hocso/curriculum';

export const TARGET_GROUP_IDS: readonly TargetGroupId[] = TARGET_GROUPS.map((g) => g.id);
export const AUDIENCE_IDS: readonly AudienceId[] = AUDIENCES.map((a) => a.id);
export const LANGUAGES = ['vi', 'en'] as const;
export const FONT_SIZES = ['normal', 'large', 'x-large'] as const;
export const CONTRASTS = ['normal', 'high'] as const;

/** Trims a string field (leaves other types for the validators to refuse). */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
