import { useTranslation } from 'react-i18next';
import type { Changelog } from './api';

/** What changed between two versions: modules and lessons added, removed and changed (with which fields). */
export function ChangelogView({ changelog, headingLevel = 3 }: { changelog: Changelog; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const H = `h${headingLevel}` as 'h2' | 'h3';
  const field = (name: string) => t(`studio.changedField.${name}`, { defaultValue: name });
  const empty =
    changelog.courseFields.length === 0 &&
    [changelog.modules, changelog.lessons].every((s) => s.added.length + s.removed.length + s.changed.length === 0);
  return (
    <section className="studio-changelog" aria-label={t('studio.changelog.title', { from: changelog.fromVersion, to: changelog.toVersion })}>
      <H>{changelog.fromVersion === 0 ? t('studio.changelog.first', { to: changelog.toVersion }) : t('studio.changelog.title', { from: changelog.fromVersion, to: changelog.toVersion })}</H>
      {empty ? <p>{t('studio.changelog.none')}</p> : null}
      {changelog.courseFields.length > 0 ? <p>{t('studio.changelog.course', { fields: changelog.courseFields.map(field).join(', ') })}</p> : null}
      {(['modules', 'lessons'] as const).map((part) => {
        const set = changelog[part];
        if (set.added.length + set.removed.length + set.changed.length === 0) return null;
        return (
          <div key={part}>
            <p className="studio-changelog__part">{t(`studio.changelog.${part}`)}</p>
            <ul role="list" className="studio-changelog__list">
              {set.added.map((i) => (
                <li key={`a-${i.key}`}>
                  <span className="tag studio-tag--added">{t('studio.changelog.added')}</span> {i.title}
                </li>
              ))}
              {set.removed.map((i) => (
                <li key={`r-${i.key}`}>
                  <span className="tag studio-tag--removed">{t('studio.changelog.removed')}</span> {i.title}
                </li>
              ))}
              {set.changed.map((i) => (
                <li key={`c-${i.key}`}>
                  <span className="tag">{t('studio.changelog.changed')}</span> {i.title}: {(i.fields ?? []).map(field).join(', ')}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
