import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMe } from '../auth/session';
import { useAttendance } from './api';
import { AttendanceChecklist } from './AttendanceChecklist';
import { formatDateTime } from './format';
import { OutboxStatus } from './OutboxStatus';
import { useCommunityOutbox } from './useOutbox';
import './community.css';

/** The attendance checklist of one session, on the facilitator's phone or laptop. */
export function AttendancePage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { classId = '', sessionId = '' } = useParams();
  const me = useMe();
  const outbox = useCommunityOutbox(me.data!.id);
  const attendance = useAttendance(classId, sessionId);
  const when = attendance.data ? formatDateTime(attendance.data.session.startsAt, lang) : '';
  usePageTitle(t('community.attendance.title'));
  return (
    <>
      <p>
        <Link to={paths.communityClass(classId)}>{t('community.attendance.back')}</Link>
      </p>
      <h1>{t('community.attendance.title')}</h1>
      {when ? <p className="lead">{t('community.attendance.session', { when })}</p> : null}
      <OutboxStatus outbox={outbox} />
      <AttendanceChecklist classId={classId} sessionId={sessionId} outbox={outbox} />
    </>
  );
}
