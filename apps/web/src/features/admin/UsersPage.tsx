import { useEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { AdminUser } from '../../api/client';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { ScopeLine } from './AdminLayout';
import { USERS_PAGE_SIZE, useUsers } from './api';
import { CellLabel } from './CellLabel';
import { formatPhone } from '../auth/format';
import { roleName } from './labels';
import { targetGroupName } from './targetGroupName';

const Q = 'q';
const PAGE = 'trang';

/** People of the caller's area: search by name, phone or email; a paged table (cards on a phone). */
export function UsersPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.users.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get(Q)?.trim() ?? '';
  const page = Math.max(1, Number.parseInt(params.get(PAGE) ?? '1', 10) || 1);
  const users = useUsers(q, page);
  const [search, setSearch] = useState(q);
  const results = useRef<HTMLDivElement>(null);
  const shownPage = useRef(page);

  // After "next/previous page" the link pressed may be gone: focus goes to the new rows' table.
  useEffect(() => {
    if (!users.data || shownPage.current === page) return;
    shownPage.current = page;
    results.current?.focus();
  }, [page, users.data]);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (search.trim()) next.set(Q, search.trim());
    setParams(next);
  };
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    if (n > 1) next.set(PAGE, String(n));
    else next.delete(PAGE);
    return `?${next.toString()}`;
  };

  const data = users.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / USERS_PAGE_SIZE)) : 1;
  return (
    <>
      <h1>{t('admin.users.title')}</h1>
      <p className="lead">{t('admin.users.intro')}</p>
      <ScopeLine />
      <form className="search" role="search" onSubmit={onSearch}>
        <TextField id="user-search" type="search" label={t('admin.users.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <Button type="submit">{t('admin.users.searchSubmit')}</Button>
      </form>
      {data ? (
        data.items.length === 0 ? (
          <p role="status">{t('admin.users.none')}</p>
        ) : (
          <>
            <UsersTable ref={results} users={data.items} caption={`${q ? t('admin.users.captionSearch', { q }) : t('admin.users.caption')} (${t('admin.users.count', { count: data.total })})`} />
            {pages > 1 ? (
              <nav className="pager" aria-label={t('admin.users.pages')}>
                {page > 1 ? <Link to={pageLink(page - 1)}>{t('admin.users.previous')}</Link> : null}
                <span aria-current="page">{t('admin.users.page', { page, pages })}</span>
                {page < pages ? <Link to={pageLink(page + 1)}>{t('admin.users.next')}</Link> : null}
              </nav>
            ) : null}
          </>
        )
      ) : users.isError ? (
        <ErrorState title={t('admin.loadError')} error={users.error} retrying={users.isFetching} onRetry={() => void users.refetch()} />
      ) : (
        <LoadingState label={t('admin.users.loading')} />
      )}
    </>
  );
}

/**
 * A real table (caption, column headers with scope, the name as row header). Below 40em the rows
 * become cards: each cell then shows its column name, hidden from screen readers, which keep the
 * table's own headers.
 */
function UsersTable({ users, caption, ref }: { users: AdminUser[]; caption: string; ref: Ref<HTMLDivElement> }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const columns = {
    contact: t('admin.users.contact'),
    unit: t('admin.users.unit'),
    group: t('admin.users.group'),
    roles: t('admin.users.roles'),
  };
  return (
    <div ref={ref} className="table-wrap" tabIndex={-1}>
      <table className="table table--stack" role="table">
        <caption>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t('admin.users.name')}
            </th>
            {Object.values(columns).map((name) => (
              <th key={name} scope="col" role="columnheader">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {users.map((user) => (
            <tr key={user.id} role="row">
              <th scope="row" role="rowheader">
                <Link to={paths.adminUser(user.id)}>{user.displayName}</Link>
              </th>
              <td role="cell">
                <CellLabel>{columns.contact}</CellLabel>
                {[user.phone ? formatPhone(user.phone) : null, user.email].filter(Boolean).join(', ') || '—'}
              </td>
              <td role="cell">
                <CellLabel>{columns.unit}</CellLabel>
                {user.unit?.name ?? '—'}
              </td>
              <td role="cell">
                <CellLabel>{columns.group}</CellLabel>
                {targetGroupName(user.targetGroup, lang)}
              </td>
              <td role="cell">
                <CellLabel>{columns.roles}</CellLabel>
                {user.roles.length === 0
                  ? roleName(t, 'learner')
                  : user.roles.map((r) => (r.unit ? `${roleName(t, r.role)} (${r.unit.name})` : roleName(t, r.role))).join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
