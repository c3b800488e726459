import type { TFunction } from 'i18next';
import { ApiError, errorKind } from '../../api/errors';
import { formatWait } from '../../i18n/wait';

/** Fields of the account forms, as the API names them in a 400's `details`. */
export type AccountField = 'identifier' | 'password' | 'displayName' | 'birthYear' | 'unitId' | 'targetGroup' | 'audiences' | 'token';

export interface DescribedError {
  fields: Partial<Record<AccountField, string>>;
  /** For the top of the form (no field to point at). */
  form?: string;
}

/**
 * The API's messages are English sentences for developers; people read translated ones. The API
 * names the field at fault, and for passwords the reason shows in its wording, so the message is
 * chosen by field (and, for a password, by reason).
 */
function fieldMessage(t: TFunction, field: string, apiMessage: string, identifierKind: 'phone' | 'email' | 'either'): string | undefined {
  const m = apiMessage.toLowerCase();
  switch (field) {
    case 'identifier':
      if (identifierKind === 'phone') return t('validation.phoneInvalid');
      if (identifierKind === 'email') return t('validation.emailInvalid');
      return t('validation.identifierInvalid');
    case 'password':
      if (m.includes('at least')) return t('validation.passwordShort');
      if (m.includes('at most')) return t('validation.passwordLong', { max: 256 });
      if (m.includes('common') || m.includes('guess')) return t('validation.passwordCommon');
      if (m.includes('phone number or email')) return t('validation.passwordIsIdentifier');
      return t('validation.passwordInvalid');
    case 'displayName':
      return t('validation.displayNameInvalid');
    case 'birthYear':
      return t('validation.birthYearRange', { min: 1900, max: new Date().getFullYear() });
    case 'unitId':
      return t('validation.unitInvalid');
    case 'targetGroup':
      return t('validation.targetGroupRequired');
    case 'audiences':
      return t('validation.audiencesInvalid');
    case 'token':
      return t('reset.invalidLink');
    default:
      return undefined;
  }
}

/** Turns a failed account request into messages for the fields and the top of the form. */
export function describeAccountError(t: TFunction, error: unknown, identifierKind: 'phone' | 'email' | 'either' = 'either'): DescribedError {
  if (!(error instanceof ApiError)) return { fields: {}, form: t(`error.${errorKind(error)}`) };
  switch (error.status) {
    case 400: {
      const fields: DescribedError['fields'] = {};
      let unknown = false;
      for (const detail of error.details) {
        const field = detail.field.split(/[.[]/)[0] ?? detail.field;
        const message = fieldMessage(t, field, detail.message, identifierKind);
        if (message && !fields[field as AccountField]) fields[field as AccountField] = message;
        else if (!message) unknown = true;
      }
      return { fields, form: unknown || Object.keys(fields).length === 0 ? t('error.client') : undefined };
    }
    case 401:
      return { fields: {}, form: t('form.sessionExpired') };
    case 403:
      return { fields: {}, form: t('form.forbidden') };
    case 429:
      return {
        fields: {},
        form: error.retryAfterSeconds ? t('signIn.tooMany', { time: formatWait(t, error.retryAfterSeconds) }) : t('signIn.tooManyNoTime'),
      };
    default:
      return { fields: {}, form: t(`error.${errorKind(error)}`) };
  }
}

/** Client-side checks before sending (the API checks again). */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const NAME_MAX = 80;

export function passwordError(t: TFunction, password: string): string | undefined {
  const length = [...password.normalize('NFC')].length;
  if (length === 0) return t('validation.passwordRequired');
  if (length < PASSWORD_MIN) return t('validation.passwordShort');
  if (length > PASSWORD_MAX) return t('validation.passwordLong', { max: PASSWORD_MAX });
  return undefined;
}

/** Loose: digits with the usual separators; the API knows the real numbering plan. */
export function looksLikePhone(value: string): boolean {
  const compact = value.replace(/[\s.\-()]/g, '');
  return /^\+?\d{9,14}$/.test(compact);
}

export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** A year of birth typed as text: undefined when empty, a number, or an error message. */
export function parseBirthYear(t: TFunction, text: string): { year?: number | null; error?: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { year: null };
  if (!/^\d{4}$/.test(trimmed)) return { error: t('validation.birthYearInvalid') };
  const year = Number(trimmed);
  const max = new Date().getFullYear();
  if (year < 1900 || year > max) return { error: t('validation.birthYearRange', { min: 1900, max }) };
  return { year };
}
