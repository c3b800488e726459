import { useTranslation } from 'react-i18next';

const CODES = [
  'provider_unavailable',
  'expired',
  'state_mismatch',
  'cancelled',
  'provider_error',
  'rejected',
  'not_signed_in',
  'already_linked',
  'account_disabled',
] as const;
type OidcErrorCode = (typeof CODES)[number];

/** Why signing in (or linking) with the national digital ID did not work (`?oidcError=` from the API). */
export function OidcErrorNotice({ code }: { code: string | null }) {
  const { t } = useTranslation();
  if (!code) return null;
  const known = (CODES as readonly string[]).includes(code);
  return (
    <div className="state state--error" role="alert">
      <p>{known ? t(`oidcError.${code as OidcErrorCode}`) : t('signIn.oidcFailed')}</p>
    </div>
  );
}
