import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { credentialUrl, pdfUrl, useMyCertificates } from './api';
import { formatDate, nameIn } from './format';

/** "Chứng chỉ của tôi": each certificate with its PDF, its signed credential (JSON) and its public verification page. */
export function MyCertificatesPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const certificates = useMyCertificates();
  usePageTitle(t('certificates.mine.title'));

  let body;
  if (!certificates.data) {
    body = certificates.isError ? (
      <ErrorState title={t('certificates.mine.loadError')} error={certificates.error} onRetry={() => void certificates.refetch()} retrying={certificates.isFetching} />
    ) : (
      <LoadingState label={t('certificates.mine.loading')} />
    );
  } else if (certificates.data.items.length === 0) {
    body = (
      <div className="state">
        <h2 className="state__title">{t('certificates.mine.empty')}</h2>
        <p>
          {t('certificates.mine.emptyHint')} <Link to={paths.catalog}>{t('certificates.mine.findCourse')}</Link>
        </p>
      </div>
    );
  } else {
    body = (
      <ul className="cert-list" role="list">
        {certificates.data.items.map((c) => (
          <li key={c.id} className="cert-card">
            <p className="cert-card__kind">{t(c.kind === 'course' ? 'certificates.mine.kind_course' : 'certificates.mine.kind_universalisation')}</p>
            <h2 className="cert-card__title">{nameIn(c.achievement, lang)}</h2>
            <dl className="cert-facts">
              <div>
                <dt>{t('certificates.mine.serial')}</dt>
                <dd className="code">{c.serial}</dd>
              </div>
              <div>
                <dt>{t('certificates.mine.issuedOn')}</dt>
                <dd>{formatDate(c.issuedAt, lang)}</dd>
              </div>
              <div>
                <dt>{t('certificates.verify.status')}</dt>
                <dd>
                  <span className={`cert-status cert-status--${c.status}`}>{t(c.status === 'valid' ? 'certificates.status.valid' : 'certificates.status.revoked')}</span>
                </dd>
              </div>
            </dl>
            <div className="button-row">
              <a className="button" href={pdfUrl(c.id)} download aria-label={t('certificates.mine.downloadPdfOf', { serial: c.serial })}>
                {t('certificates.mine.downloadPdf')}
              </a>
              <a className="button button--secondary" href={credentialUrl(c.id)} download aria-label={t('certificates.mine.downloadCredentialOf', { serial: c.serial })}>
                {t('certificates.mine.downloadCredential')}
              </a>
              <Link className="button button--link" to={paths.verify(c.serial)} aria-label={t('certificates.mine.openVerifyOf', { serial: c.serial })}>
                {t('certificates.mine.openVerify')}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <>
      <h1>{t('certificates.mine.title')}</h1>
      <p className="lead">{t('certificates.mine.lead')}</p>
      {body}
    </>
  );
}
