import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { AdminUser, Role, RoleAssignment } from '../../api/client';
import { ApiError, errorKind } from '../../api/errors';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { hasErrors, useFormErrors, type FieldErrors } from '../../ui/useFormErrors';
import { hasAnyRole, useMe } from '../auth/session';
import { useGrantRole, useRevokeRole, useRoleUnits, useUser } from './api';
import { formatPhone } from '../auth/format';
import { levelName, roleName } from './labels';
import { targetGroupName } from './targetGroupName';

/** Roles tied to a unit (and its subtree); the others are not. */
const SCOPED: readonly Role[] = ['official', 'facilitator'];
const ALL_GRANTABLE: readonly Role[] = ['author', 'reviewer', 'facilitator', 'mentor', 'official', 'administrator'];
/** What an official may grant (the API enforces it; the form only offers what can work). */
const OFFICIAL_GRANTABLE: readonly Role[] = ['facilitator', 'mentor'];

export function UserPage() {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const user = useUser(userId);
  usePageTitle(user.data?.displayName ?? t('admin.users.title'));
  return (
    <>
      <p>
        <Link to={paths.adminUsers}>{t('admin.user.back')}</Link>
      </p>
      {user.data ? (
        <UserDetail user={user.data} />
      ) : user.isError ? (
        <>
          <h1>{t('admin.users.title')}</h1>
          {user.error instanceof ApiError && user.error.status === 404 ? (
            <p className="state state--error">{t('admin.notInScope')}</p>
          ) : (
            <ErrorState title={t('admin.loadError')} error={user.error} retrying={user.isFetching} onRetry={() => void user.refetch()} />
          )}
        </>
      ) : (
        <LoadingState label={t('admin.user.loading')} />
      )}
    </>
  );
}

function UserDetail({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'long' });
  return (
    <>
      <h1>{user.displayName}</h1>
      <dl className="facts">
        <div>
          <dt>{t('admin.user.phone')}</dt>
          <dd>{user.phone ? formatPhone(user.phone) : '—'}</dd>
        </div>
        <div>
          <dt>{t('admin.user.email')}</dt>
          <dd>{user.email ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('admin.users.unit')}</dt>
          <dd>{user.unit ? `${user.unit.name} (${levelName(t, user.unit.level)})` : '—'}</dd>
        </div>
        <div>
          <dt>{t('admin.users.group')}</dt>
          <dd>{targetGroupName(user.targetGroup, lang)}</dd>
        </div>
        <div>
          <dt>{t('admin.user.joined')}</dt>
          <dd>{date.format(new Date(user.createdAt))}</dd>
        </div>
        <div>
          <dt>{t('admin.user.status')}</dt>
          <dd>{user.disabledAt ? t('admin.user.disabled') : t('admin.user.active')}</dd>
        </div>
      </dl>
      <RolesSection user={user} />
      <GrantRoleForm user={user} />
    </>
  );
}

/** A refused role change, in words for the official. */
function roleChangeError(t: TFunction, error: unknown, self: boolean): string {
  if (!(error instanceof ApiError)) return t(`error.${errorKind(error)}`);
  if (error.status === 403) return self ? t('admin.user.self') : t('admin.user.notAllowed');
  if (error.status === 404) return t('admin.notInScope');
  if (error.status === 409) return t('admin.user.alreadyHeld');
  if (error.status === 401) return t('form.sessionExpired');
  return t(`error.${errorKind(error)}`);
}

function RolesSection({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const me = useMe();
  const revoke = useRevokeRole(user.id);
  const [message, setMessage] = useState<{ text: string; error: boolean } | undefined>();
  return (
    <section className="panel" aria-labelledby="roles-title">
      <h2 id="roles-title">{t('admin.user.roles')}</h2>
      {user.roles.length === 0 ? (
        <p>{t('admin.user.learnerOnly')}</p>
      ) : (
        <ul className="role-list" role="list">
          {user.roles.map((assignment: RoleAssignment) => {
            const label = assignment.unit ? t('admin.user.roleFor', { role: roleName(t, assignment.role), unit: assignment.unit.name }) : roleName(t, assignment.role);
            return (
              <li key={assignment.id}>
                <span>{label}</span>
                <Button
                  variant="secondary"
                  // "Thu hồi vai trò …": the visible word first, then which role (WCAG 2.5.3).
                  aria-label={t('admin.user.revokeRole', { role: label })}
                  busy={revoke.isPending && revoke.variables?.id === assignment.id}
                  busyLabel={t('admin.user.revoking')}
                  onClick={() => {
                    if (revoke.isPending) return;
                    setMessage(undefined);
                    revoke.mutate(assignment, {
                      onSuccess: () => setMessage({ text: t('admin.user.revoked', { role: label }), error: false }),
                      onError: (error) => setMessage({ text: roleChangeError(t, error, me.data?.id === user.id), error: true }),
                    });
                  }}
                >
                  {t('admin.user.revoke')}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <div role="status">{message ? <p className={message.error ? 'field__error' : 'notice'}>{message.text}</p> : null}</div>
    </section>
  );
}

type GrantField = 'role' | 'unit';

function GrantRoleForm({ user }: { user: AdminUser }) {
  const { t } = useTranslation();
  const me = useMe();
  const grant = useGrantRole(user.id);
  const errors = useFormErrors<GrantField>();
  const [role, setRole] = useState<Role | ''>('');
  const [unitId, setUnitId] = useState('');
  const [done, setDone] = useState<string | undefined>();
  const needsUnit = role !== '' && SCOPED.includes(role);
  const units = useRoleUnits(needsUnit);
  const grantable = me.data && hasAnyRole(me.data, ['administrator']) ? ALL_GRANTABLE : OFFICIAL_GRANTABLE;
  if (me.data?.id === user.id) return null; // nobody changes their own roles

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (grant.isPending) return;
    setDone(undefined);
    const found: FieldErrors<GrantField> = {};
    if (!role) found.role = t('admin.user.roleRequired');
    if (needsUnit && !unitId) found.unit = t('admin.user.unitRequired');
    if (hasErrors(found) || !role) {
      errors.fail(found);
      return;
    }
    errors.clear();
    grant.mutate(needsUnit ? { role, unitId } : { role }, {
      onSuccess: () => {
        setDone(t('admin.user.granted', { role: roleName(t, role) }));
        setRole('');
        setUnitId('');
      },
      onError: (error) => {
        if (error instanceof ApiError && error.status === 400 && error.details.some((d) => d.field === 'unitId')) {
          errors.fail({ unit: t('admin.user.unitRequired') });
          return;
        }
        errors.fail({}, roleChangeError(t, error, false));
      },
    });
  };

  return (
    <section className="panel" aria-labelledby="grant-title">
      <h2 id="grant-title">{t('admin.user.grant')}</h2>
      <ErrorSummary errors={errors.summary(['role', 'unit'], (f) => `grant-${f}`)} formError={errors.form} focusKey={errors.focusKey} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField id="grant-role" label={t('admin.user.roleLabel')} error={errors.fields.role} value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
          <option value="">{t('admin.user.roleChoose')}</option>
          {grantable.map((r) => (
            <option key={r} value={r}>
              {roleName(t, r)}
            </option>
          ))}
        </SelectField>
        {needsUnit ? (
          <SelectField
            id="grant-unit"
            label={t('admin.user.unitLabel')}
            hint={t('admin.user.unitHint')}
            error={errors.fields.unit}
            value={unitId}
            aria-busy={units.isPending || undefined}
            onChange={(e) => setUnitId(e.target.value)}
          >
            <option value="">{units.isPending ? t('status.loading') : t('admin.user.unitChoose')}</option>
            {units.data?.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {`${unit.name} (${levelName(t, unit.level)})`}
              </option>
            ))}
          </SelectField>
        ) : null}
        <div className="form__actions">
          <Button type="submit" busy={grant.isPending} busyLabel={t('admin.user.granting')}>
            {t('admin.user.grantSubmit')}
          </Button>
        </div>
        <div role="status">{done ? <p className="notice">{done}</p> : null}</div>
      </form>
    </section>
  );
}
