import { DIGCOMP_2_2, summarizeFramework, VN_757_2025, VN_MOET_LEARNERS_2025, type Framework } from '@hocso/curriculum';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage, type Language } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';

// Framework data comes from @hocso/curriculum, bundled into this page's chunk only: just the three
// frameworks (not the crosswalks, profiles or catalog checks the API uses).
const FRAMEWORKS: readonly Framework[] = [VN_757_2025, VN_MOET_LEARNERS_2025, DIGCOMP_2_2];

const sectionId = (framework: Framework) => `framework-${framework.id}`;

function formatDate(isoDate: string, lang: Language): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** In-page jump: moves focus to the section's heading (a hash change would be a router navigation). */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, id: string): void {
  const heading = document.getElementById(id)?.querySelector<HTMLElement>('h2');
  if (!heading) return;
  event.preventDefault();
  heading.setAttribute('tabindex', '-1');
  heading.focus();
  heading.scrollIntoView({ block: 'start' });
}

export function FrameworksPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  usePageTitle(t('frameworks.title'));
  return (
    <>
      <h1>{t('frameworks.title')}</h1>
      <p className="lead">{t('frameworks.intro')}</p>
      <p>{t('frameworks.provisionalNote')}</p>
      <nav aria-label={t('frameworks.jumpTo')}>
        <ul className="jump-list" role="list">
          {FRAMEWORKS.map((framework) => (
            <li key={framework.id}>
              <a href={`#${sectionId(framework)}`} onClick={(event) => jumpTo(event, sectionId(framework))}>
                {framework.shortName[lang]}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {FRAMEWORKS.map((framework) => (
        <FrameworkSection key={`${framework.id}@${framework.version}`} framework={framework} lang={lang} />
      ))}
    </>
  );
}

function FrameworkSection({ framework, lang }: { framework: Framework; lang: Language }) {
  const { t } = useTranslation();
  const id = sectionId(framework);
  const counts = summarizeFramework(framework);
  return (
    <section id={id} className="framework" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{framework.name[lang]}</h2>
      <dl className="framework__facts">
        <div>
          <dt>{t('frameworks.issuer')}</dt>
          <dd>{framework.source.issuer[lang]}</dd>
        </div>
        <div>
          <dt>{t('frameworks.reference')}</dt>
          <dd>{framework.source.reference}</dd>
        </div>
        <div>
          <dt>{t('frameworks.issued')}</dt>
          <dd>{formatDate(framework.source.issued, lang)}</dd>
        </div>
        <div>
          <dt>{t('frameworks.version')}</dt>
          <dd>
            {framework.version}
            {framework.status === 'deprecated' ? ` (${t('frameworks.deprecated')})` : null}
          </dd>
        </div>
        <div className="framework__fact--wide">
          <dt>{t('frameworks.size')}</dt>
          <dd>
            {[
              t('frameworks.areaCount', { count: counts.areas }),
              t('frameworks.competencyCount', { count: counts.competencies }),
              t('frameworks.levelCount', { count: counts.levels }),
            ].join(' · ')}
          </dd>
        </div>
      </dl>
      <p className="framework__verification">{t(`frameworks.verification.${framework.verification}`)}</p>

      <h3>{t('frameworks.levels')}</h3>
      <ol className="level-list" role="list">
        {framework.levels.map((level) => (
          <li key={level.level} className="coded">
            <span className="code">{level.code}</span> <span>{level.name[lang]}</span>
          </li>
        ))}
      </ol>

      <h3>{t('frameworks.areas')}</h3>
      {framework.areas.map((area) => (
        <div key={area.code} className="framework__area">
          <h4 className="coded">
            <span className="code">{area.code}</span>{' '}
            <span>
              {area.name[lang]}
              {(area.verification ?? framework.verification) === 'provisional' ? <ProvisionalBadge /> : null}
            </span>
          </h4>
          <ul className="competency-list" role="list">
            {area.competencies.map((competency) => (
              <li key={competency.code} className="coded">
                <span className="code">{competency.code}</span>{' '}
                <span>
                  {competency.name[lang]}
                  {(competency.verification ?? framework.verification) === 'provisional' ? <ProvisionalBadge /> : null}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function ProvisionalBadge() {
  const { t } = useTranslation();
  return <span className="badge">{t('frameworks.provisional')}</span>;
}
