import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { CheckboxGroup } from '../../ui/ChoiceGroup';
import { ErrorState } from '../../ui/ErrorState';
import { TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useIssueXapiClient, useRevokeXapiClient, useXapiClients, XAPI_SCOPES, type IssuedXapiClient, type XapiClient, type XapiScope } from './api';

/**
 * /quan-tri/xapi: administrators issue HTTP Basic credentials for the learning record store (/xapi)
 * to content, reporting tools or another LRS, and revoke them. The secret is shown once.
 */
export function XapiClientsPage() {
  const { t } = useTranslation();
  usePageTitle(t('xapi.title'));
  const clients = useXapiClients();
  const [issued, setIssued] = useState<IssuedXapiClient | null>(null);
  return (
    <>
      <h1>{t('xapi.title')}</h1>
      <p className="lead">{t('xapi.intro')}</p>
      {clients.data ? (
        <p>
          <strong>{t('xapi.endpoint')}:</strong> <code className="xapi-code">{clients.data.endpoint}</code>
        </p>
      ) : null}
      {issued ? <IssuedSecret client={issued} onDone={() => setIssued(null)} /> : <IssueForm onIssued={setIssued} />}
      <h2>{t('xapi.listTitle')}</h2>
      {clients.data ? (
        <ClientsTable clients={clients.data.items} />
      ) : clients.isError ? (
        <ErrorState title={t('xapi.loadError')} error={clients.error} retrying={clients.isFetching} onRetry={() => void clients.refetch()} />
      ) : (
        <LoadingState label={t('xapi.loading')} />
      )}
    </>
  );
}

function IssueForm({ onIssued }: { onIssued: (client: IssuedXapiClient) => void }) {
  const { t } = useTranslation();
  const issue = useIssueXapiClient();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<XapiScope[]>(['statements/write', 'state']);
  const [errors, setErrors] = useState<{ name?: string; scopes?: string }>({});
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = { name: name.trim() ? undefined : t('xapi.form.nameRequired'), scopes: scopes.length > 0 ? undefined : t('xapi.form.scopesRequired') };
    setErrors(next);
    if (next.name) return document.getElementById('xapi-name')?.focus();
    if (next.scopes) return document.getElementById('xapi-scopes-0')?.focus();
    issue.mutate({ name: name.trim(), scopes }, { onSuccess: (client) => { setName(''); onIssued(client); } });
  };
  return (
    <form className="xapi-form" onSubmit={submit} noValidate aria-labelledby="xapi-form-title">
      <h2 id="xapi-form-title">{t('xapi.form.title')}</h2>
      <TextField id="xapi-name" label={t('xapi.form.name')} hint={t('xapi.form.nameHint')} error={errors.name} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <CheckboxGroup
        id="xapi-scopes"
        legend={t('xapi.form.scopes')}
        small
        error={errors.scopes}
        values={scopes}
        onChange={setScopes}
        choices={XAPI_SCOPES.map((scope) => ({ value: scope, label: <code>{scope}</code>, hint: t(`xapi.scopes.${scopeKey(scope)}`) }))}
      />
      {issue.isError ? (
        <p className="notice notice--warning" role="alert">
          {t('xapi.form.error', { message: issue.error.message })}
        </p>
      ) : null}
      <Button type="submit" busy={issue.isPending} busyLabel={t('xapi.form.issuing')}>
        {t('xapi.form.submit')}
      </Button>
    </form>
  );
}

/** i18n keys cannot contain "/": statements/read/mine → statements_read_mine. */
function scopeKey(scope: XapiScope): 'statements_write' | 'statements_read_mine' | 'statements_read' | 'state' | 'profile' | 'define' | 'all_read' | 'all' {
  return scope.replace(/\//g, '_') as ReturnType<typeof scopeKey>;
}

function IssuedSecret({ client, onDone }: { client: IssuedXapiClient; onDone: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'key' | 'secret' | null>(null);
  useEffect(() => heading.current?.focus(), []);
  const copy = async (what: 'key' | 'secret') => {
    try {
      await navigator.clipboard.writeText(what === 'key' ? client.key : client.secret);
      setCopied(what);
    } catch {
      setCopied(null);
    }
  };
  return (
    <section className="notice xapi-issued" aria-labelledby="xapi-issued-title">
      <h2 id="xapi-issued-title" ref={heading} tabIndex={-1}>
        {t('xapi.issued.title', { name: client.name })}
      </h2>
      <p>{t('xapi.issued.once')}</p>
      <dl className="xapi-credentials">
        <dt>{t('xapi.issued.endpoint')}</dt>
        <dd>
          <code className="xapi-code">{client.endpoint}</code>
        </dd>
        <dt>{t('xapi.issued.key')}</dt>
        <dd>
          <code className="xapi-code">{client.key}</code>{' '}
          <Button variant="secondary" onClick={() => void copy('key')}>
            {t('xapi.issued.copyKey')}
          </Button>
        </dd>
        <dt>{t('xapi.issued.secret')}</dt>
        <dd>
          <code className="xapi-code">{client.secret}</code>{' '}
          <Button variant="secondary" onClick={() => void copy('secret')}>
            {t('xapi.issued.copySecret')}
          </Button>
        </dd>
      </dl>
      <p role="status" className="xapi-copied">
        {copied ? t('xapi.issued.copied') : ''}
      </p>
      <Button onClick={onDone}>{t('xapi.issued.done')}</Button>
    </section>
  );
}

function ClientsTable({ clients }: { clients: XapiClient[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const revoke = useRevokeXapiClient();
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  if (clients.length === 0) return <p>{t('xapi.none')}</p>;
  return (
    <>
      {revoke.isError ? (
        <p className="notice notice--warning" role="alert">
          {t('xapi.revokeError', { message: revoke.error.message })}
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="table xapi-table">
          <caption className="visually-hidden">{t('xapi.listTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('xapi.columns.name')}</th>
              <th scope="col">{t('xapi.columns.key')}</th>
              <th scope="col">{t('xapi.columns.scopes')}</th>
              <th scope="col">{t('xapi.columns.state')}</th>
              <th scope="col">{t('xapi.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((client) => (
              <tr key={client.id}>
                <th scope="row">{client.name}</th>
                <td>
                  <code className="xapi-code">{client.key}</code>
                </td>
                <td>{client.scopes.join(', ')}</td>
                <td>
                  {client.revokedAt
                    ? t('xapi.revokedAt', { date: date.format(new Date(client.revokedAt)) })
                    : client.lastUsedAt
                      ? t('xapi.lastUsed', { date: date.format(new Date(client.lastUsedAt)) })
                      : t('xapi.neverUsed')}
                </td>
                <td>
                  {client.revokedAt ? null : (
                    <Button
                      variant="danger"
                      busy={revoke.isPending && revoke.variables === client.id}
                      busyLabel={t('xapi.revoking')}
                      aria-label={t('xapi.revokeLabel', { name: client.name })}
                      onClick={() => {
                        if (window.confirm(t('xapi.revokeConfirm', { name: client.name }))) revoke.mutate(client.id);
                      }}
                    >
                      {t('xapi.revoke')}
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
