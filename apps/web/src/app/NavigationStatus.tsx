import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigation } from 'react-router';

/**
 * While the next page's code is downloading (slow networks), show a thin bar at the top and tell
 * screen readers. Only after a short delay, so that fast navigations stay quiet.
 */
export function NavigationStatus({ delayMs = 400 }: { delayMs?: number }) {
  const { t } = useTranslation();
  const busy = useNavigation().state !== 'idle';
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!busy) {
      setShown(false);
      return;
    }
    const timer = window.setTimeout(() => setShown(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [busy, delayMs]);
  return (
    <>
      <div className={shown ? 'nav-progress nav-progress--active' : 'nav-progress'} aria-hidden="true" />
      <div className="visually-hidden" role="status">
        {shown ? t('status.navigating') : ''}
      </div>
    </>
  );
}
