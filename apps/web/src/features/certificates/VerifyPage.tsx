import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/errors';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { FieldShell, TextField } from '../../ui/Field';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useVerification, useVerifyCredential, type PublicVerification, type VerificationResult } from './api';
import { formatDate, nameIn } from './format';

function CertificateFacts({ certificate }: { certificate: PublicVerification }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const revoked = certificate.status === 'revoked';
  return (
    <section className={`cert-verdict ${revoked ? 'cert-verdict--revoked' : 'cert-verdict--valid'}`} aria-labelledby="cert-verdict-title">
      <h2 id="cert-verdict-title" className="cert-verdict__title">
        {t(revoked ? 'certificates.status.revoked' : 'certificates.status.valid')}
      </h2>
      <p>{t(revoked ? 'certificates.verify.revokedNote' : 'certificates.verify.validNote')}</p>
      <dl className="cert-facts">
        <div>
          <dt>{t('certificates.verify.holder')}</dt>
          <dd className="cert-facts__name">{certificate.name}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.achievement')}</dt>
          <dd>{nameIn(certificate.achievement, lang)}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.issuedOn')}</dt>
          <dd>{formatDate(certificate.issuedAt, lang)}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.issuer')}</dt>
          <dd>{certificate.issuer}</dd>
        </div>
        <div>
          <dt>{t('certificates.mine.serial')}</dt>
          <dd className="code">{certificate.serial}</dd>
        </div>
        <div>
          <dt>{t('certificates.verify.status')}</dt>
          <dd>
            {t(revoked ? 'certificates.status.revoked' : 'certificates.status.valid')}
            {revoked && certificate.revokedAt ? ` — ${t('certificates.verify.revokedOn', { date: formatDate(certificate.revokedAt, lang) })}` : null}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function SerialForm({ initial }: { initial: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [serial, setSerial] = useState(initial);
  return (
    <form
      className="form"
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        if (serial.trim()) void navigate(paths.verify(serial.trim().toUpperCase()));
      }}
    >
      <TextField
        id="cert-serial"
        label={t('certificates.verify.serialLabel')}
        hint={t('certificates.verify.serialHint')}
        value={serial}
        onChange={(e) => setSerial(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
      />
      <Button type="submit">{t('certificates.verify.check')}</Button>
    </form>
  );
}

function CredentialCheck() {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [parseError, setParseError] = useState<string | undefined>();
  const check = useVerifyCredential();
  const result: VerificationResult | undefined = check.data;
  const submit = (content: string) => {
    let credential: unknown;
    try {
      credential = JSON.parse(content);
    } catch {
      setParseError(t('certificates.verify.invalidJson'));
      return;
    }
    if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
      setParseError(t('certificates.verify.invalidJson'));
      return;
    }
    setParseError(undefined);
    check.mutate(credential as Record<string, unknown>);
  };
  const verdict = result ? (result.verified ? 'resultValid' : result.status === 'revoked' && result.signature === 'valid' ? 'resultRevoked' : 'resultInvalid') : null;
  return (
    <section aria-labelledby={`${id}-title`} className="cert-check">
      <h2 id={`${id}-title`}>{t('certificates.verify.credentialTitle')}</h2>
      <p>{t('certificates.verify.credentialLead')}</p>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          submit(text);
        }}
      >
        <FieldShell id={`${id}-json`} label={t('certificates.verify.credentialLabel')} error={parseError}>
          <textarea
            id={`${id}-json`}
            className="input cert-check__json"
            rows={6}
            value={text}
            spellCheck={false}
            aria-invalid={parseError ? true : undefined}
            aria-describedby={parseError ? `${id}-json-error` : undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </FieldShell>
        <FieldShell id={`${id}-file`} label={t('certificates.verify.fileLabel')}>
          <input
            id={`${id}-file`}
            type="file"
            accept="application/json,.json"
            className="input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file)
                void file.text().then((content) => {
                  setText(content);
                  submit(content);
                });
            }}
          />
        </FieldShell>
        <Button type="submit" busy={check.isPending} busyLabel={t('certificates.verify.checking')}>
          {t('certificates.verify.verifyCredential')}
        </Button>
      </form>
      <div role="status" aria-live="polite">
        {check.isError ? <p className="notice notice--warning">{t('certificates.verify.loadError')}</p> : null}
        {result && verdict ? (
          <div className={`notice ${result.verified ? '' : 'notice--warning'}`} data-testid="credential-verdict" data-verified={String(result.verified)}>
            <p>
              <strong>{t(`certificates.verify.${verdict}`)}</strong>
            </p>
            <details>
              <summary>{t('certificates.verify.details')}</summary>
              <dl className="cert-facts">
                <div>
                  <dt>{t('certificates.verify.signature')}</dt>
                  <dd>{result.signature}</dd>
                </div>
                <div>
                  <dt>{t('certificates.verify.issuerKey')}</dt>
                  <dd>{result.issuerKey}</dd>
                </div>
                <div>
                  <dt>{t('certificates.verify.statusCheck')}</dt>
                  <dd>{result.status}</dd>
                </div>
              </dl>
              {result.errors.length > 0 ? (
                <ul>
                  {result.errors.map((e) => (
                    <li key={e} lang="en">
                      {e}
                    </li>
                  ))}
                </ul>
              ) : null}
            </details>
          </div>
        ) : null}
      </div>
      {result?.certificate ? <CertificateFacts certificate={result.certificate} /> : null}
    </section>
  );
}

/** Public page `/xac-minh/:serial` (the QR code of every PDF): only name, achievement, date, issuer and status. */
export function VerifyPage() {
  const { t } = useTranslation();
  const { serial } = useParams();
  const verification = useVerification(serial);
  usePageTitle(serial ? `${t('certificates.verify.title')} ${serial}` : t('certificates.verify.title'));

  let result = null;
  if (serial) {
    if (verification.data) result = <CertificateFacts certificate={verification.data} />;
    else if (verification.isError)
      result =
        verification.error instanceof ApiError && verification.error.status === 404 ? (
          <div className="notice notice--warning" role="alert">
            <p>{t('certificates.verify.notFound')}</p>
          </div>
        ) : (
          <ErrorState title={t('certificates.verify.loadError')} error={verification.error} onRetry={() => void verification.refetch()} retrying={verification.isFetching} />
        );
    else result = <LoadingState label={t('certificates.verify.loading')} />;
  }
  return (
    <>
      <h1>{t('certificates.verify.title')}</h1>
      {result}
      <p className="lead">{t('certificates.verify.lead')}</p>
      <SerialForm key={serial ?? ''} initial={serial ?? ''} />
      <CredentialCheck />
    </>
  );
}
