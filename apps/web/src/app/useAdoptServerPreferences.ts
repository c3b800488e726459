import { useEffect } from 'react';
import { useMe } from '../features/auth/session';
import { currentLanguage, isLanguage, setLanguage } from '../i18n';
import { getDisplayPreferences, mergeDisplayPreferences, setDisplayPreferences } from '../ui/preferences';

/**
 * When the signed-in user's account arrives (or changes), its saved preferences win over those of
 * this device: the display ones are applied and remembered here, and the UI language is switched.
 * Preferences the account has not saved keep this device's choice.
 */
export function useAdoptServerPreferences(): void {
  const { data: me } = useMe();
  const saved = me?.preferences;
  useEffect(() => {
    if (!saved) return;
    setDisplayPreferences(mergeDisplayPreferences(getDisplayPreferences(), saved));
    if (isLanguage(saved.language) && saved.language !== currentLanguage()) setLanguage(saved.language).catch(() => undefined);
  }, [saved]);
}
