import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/EmptyState';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useArchiveItem, useItems, type AuthorItem } from './api';
import { BlueprintEditor } from './BlueprintEditor';
import { ItemEditor } from './ItemEditor';

/** `/studio/ngan-hang-cau-hoi`: the author's items, an editor, and the quizzes' blueprints. */
export function ItemBankPage() {
  const { t } = useTranslation();
  usePageTitle(t('assessment.bank.title'));
  const items = useItems();
  const archive = useArchiveItem();
  const [editing, setEditing] = useState<AuthorItem | 'new' | null>(null);
  const [filter, setFilter] = useState('');
  const shown = (items.data ?? []).filter((i) => !filter || i.competencyRef.includes(filter) || i.stem.toLowerCase().includes(filter.toLowerCase()));

  return (
    <>
      <h1>{t('assessment.bank.title')}</h1>
      <p>{t('assessment.bank.intro')}</p>
      {editing ? (
        <ItemEditor key={editing === 'new' ? 'new' : editing.id} item={editing === 'new' ? undefined : editing} onDone={() => setEditing(null)} />
      ) : (
        <p>
          <Button onClick={() => setEditing('new')}>{t('assessment.bank.add')}</Button>
        </p>
      )}
      <section aria-labelledby="bank-items-title">
        <h2 id="bank-items-title">{t('assessment.bank.itemsTitle', { count: items.data?.length ?? 0 })}</h2>
        <div className="field">
          <label className="field__label" htmlFor="bank-filter">
            {t('assessment.bank.filter')}
          </label>
          <input id="bank-filter" className="input" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        {items.isError ? <ErrorState title={t('assessment.bank.loadError')} error={items.error} onRetry={() => void items.refetch()} retrying={items.isFetching} /> : null}
        {items.isPending ? <LoadingState label={t('assessment.bank.loading')} /> : null}
        {items.data && !shown.length ? <EmptyState title={t('assessment.bank.empty')} message={t('assessment.bank.emptyHint')} /> : null}
        <ul className="bank-list">
          {shown.map((item) => (
            <li key={item.id} className="bank-list__item">
              <p className="bank-list__meta">
                {t(`assessment.kinds.${item.kind}`)} · {item.competencyRef} · {t('assessment.bank.levelN', { level: item.level })}
              </p>
              <div className="bank-list__stem" dangerouslySetInnerHTML={{ __html: item.stem }} />
              <p className="button-row">
                <Button variant="secondary" onClick={() => setEditing(item)} aria-label={t('assessment.bank.editNamed', { text: plainText(item.stem) })}>
                  {t('assessment.bank.edit')}
                </Button>
                <Button
                  variant="danger"
                  busy={archive.isPending && archive.variables === item.id}
                  onClick={() => {
                    if (window.confirm(t('assessment.bank.archiveConfirm'))) archive.mutate(item.id);
                  }}
                  aria-label={t('assessment.bank.archiveNamed', { text: plainText(item.stem) })}
                >
                  {t('assessment.bank.archive')}
                </Button>
              </p>
            </li>
          ))}
        </ul>
      </section>
      <BlueprintEditor />
    </>
  );
}

function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60);
}
