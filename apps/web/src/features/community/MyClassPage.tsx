import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useLanguage } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMe } from '../auth/session';
import { useMyClass } from './api';
import { scheduleText } from './format';
import { LiveAnswerPanel } from './LiveAnswerPanel';
import { useCommunityOutbox } from './useOutbox';
import './community.css';

/** A learner's class on the phone: when and where it meets, and the live question of the session. */
export function MyClassPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { classId = '' } = useParams();
  const me = useMe();
  const outbox = useCommunityOutbox(me.data!.id);
  const mine = useMyClass(classId);
  usePageTitle(mine.data?.title ?? t('community.myClass.title'));
  if (!mine.data) {
    return mine.isError ? (
      <ErrorState title={t('community.myClass.loadError')} error={mine.error} onRetry={() => void mine.refetch()} retrying={mine.isFetching} />
    ) : (
      <LoadingState label={t('community.myClass.loading')} />
    );
  }
  const c = mine.data;
  return (
    <div className="phone-page">
      <h1>{c.title}</h1>
      <p className="lead">
        {scheduleText(c.schedule, t, lang)} · {c.place}
      </p>
      <LiveAnswerPanel classId={classId} initial={c.openQuestion} outbox={outbox} />
    </div>
  );
}
