import { useTranslation } from 'react-i18next';

/** First focusable element of every page: jumps to `<main>` without changing the URL. */
export function SkipLink({ targetId = 'main' }: { targetId?: string }) {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href={`#${targetId}`}
      onClick={(event) => {
        const target = document.getElementById(targetId);
        if (!target) return;
        // A hash change would be seen by the router as a navigation; move focus ourselves.
        event.preventDefault();
        target.focus();
      }}
    >
      {t('skipLink')}
    </a>
  );
}
