import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { ApiError } from '../../api/errors';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { SelectField, TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  attendanceCsvUrl,
  newClientId,
  useAttendees,
  useClass,
  useClassLessons,
  useCreateSession,
  useEndSession,
  useGenerateSessions,
  useLinkAttendee,
  useSessions,
  useUpdateSession,
  type Attendee,
  type Session,
} from './api';
import { formatDateTime, scheduleText } from './format';
import { QrCode } from './QrCode';
import './community.css';

/** One class: its join code and QR, its sessions (present, take attendance), its attendees, the export. */
export function ClassPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { classId = '' } = useParams();
  const klass = useClass(classId);
  usePageTitle(klass.data?.title ?? t('community.class.title'));

  if (!klass.data) {
    return klass.isError ? (
      <ErrorState title={t('community.class.loadError')} error={klass.error} onRetry={() => void klass.refetch()} retrying={klass.isFetching} />
    ) : (
      <LoadingState label={t('community.class.loading')} />
    );
  }
  const c = klass.data;
  return (
    <>
      <p>
        <Link to={paths.communityClasses}>{t('community.class.back')}</Link>
      </p>
      <h1>{c.title}</h1>
      <dl className="class-facts">
        <div>
          <dt>{t('community.class.course')}</dt>
          <dd>{c.course.title}</dd>
        </div>
        <div>
          <dt>{t('community.class.when')}</dt>
          <dd>{scheduleText(c.schedule, t, lang)}</dd>
        </div>
        <div>
          <dt>{t('community.class.place')}</dt>
          <dd>
            {c.place} — {c.unit.name}
          </dd>
        </div>
      </dl>
      <section className="class-join" aria-labelledby="class-join-title">
        <h2 id="class-join-title">{t('community.class.joinTitle')}</h2>
        <div className="class-join__body">
          <QrCode className="class-join__qr" value={c.joinUrl} label={t('community.class.qrLabel', { title: c.title })} />
          <div>
            <p>{t('community.class.codeIs')}</p>
            <p className="class-join__code" data-testid="class-join-code">
              {c.joinCode}
            </p>
            <p className="class-join__url">{c.joinUrl}</p>
          </div>
        </div>
      </section>
      <SessionsSection classId={classId} />
      <AttendeesSection classId={classId} />
      <section aria-labelledby="class-export-title">
        <h2 id="class-export-title">{t('community.class.exportTitle')}</h2>
        <p>
          <a className="button button--secondary" href={attendanceCsvUrl(classId)} download>
            {t('community.class.exportCsv')}
          </a>
        </p>
      </section>
    </>
  );
}

function SessionsSection({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const sessions = useSessions(classId);
  const lessons = useClassLessons(classId);
  const generate = useGenerateSessions(classId);
  const createSession = useCreateSession(classId);
  const update = useUpdateSession(classId);
  const [lessonKey, setLessonKey] = useState('');

  const lessonOptions = lessons.data?.modules.flatMap((m) => m.lessons.filter((l) => l.kind !== 'quiz').map((l) => ({ ...l, module: m.title }))) ?? [];
  const startNow = (event: FormEvent) => {
    event.preventDefault();
    createSession.mutate(
      { startsAt: new Date().toISOString(), lessonKey: lessonKey || undefined, clientId: newClientId() },
      { onSuccess: (session) => void navigate(paths.presenter(classId, session.id)) },
    );
  };

  return (
    <section aria-labelledby="class-sessions-title">
      <h2 id="class-sessions-title">{t('community.sessions.title')}</h2>
      <form className="session-now" onSubmit={startNow}>
        <SelectField id="session-lesson" label={t('community.sessions.lesson')} hint={t('community.sessions.lessonHint')} value={lessonKey} onChange={(e) => setLessonKey(e.target.value)}>
          <option value="">{t('community.sessions.noLesson')}</option>
          {lessonOptions.map((l) => (
            <option key={l.lessonKey} value={l.lessonKey}>
              {l.module} — {l.title}
            </option>
          ))}
        </SelectField>
        <div className="button-row">
          <Button type="submit" busy={createSession.isPending} busyLabel={t('community.sessions.starting')}>
            {t('community.sessions.startNow')}
          </Button>
          <Button variant="secondary" busy={generate.isPending} onClick={() => generate.mutate(8)}>
            {t('community.sessions.generate')}
          </Button>
        </div>
        {createSession.isError ? <ErrorState title={t('community.sessions.createError')} error={createSession.error} /> : null}
      </form>
      {!sessions.data ? (
        sessions.isError ? (
          <ErrorState title={t('community.sessions.loadError')} error={sessions.error} onRetry={() => void sessions.refetch()} retrying={sessions.isFetching} />
        ) : (
          <LoadingState label={t('community.sessions.loading')} />
        )
      ) : sessions.data.sessions.length === 0 ? (
        <p>{t('community.sessions.empty')}</p>
      ) : (
        <ul className="session-list" role="list">
          {sessions.data.sessions.map((s) => (
            <SessionRow
              key={s.id}
              classId={classId}
              session={s}
              when={formatDateTime(s.startsAt, lang)}
              lessonOptions={lessonOptions}
              onLesson={(key) => update.mutate({ sessionId: s.id, lessonKey: key || null })}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function SessionRow({
  classId,
  session,
  when,
  lessonOptions,
  onLesson,
}: {
  classId: string;
  session: Session;
  when: string;
  lessonOptions: { lessonKey: string; title: string; module: string }[];
  onLesson: (lessonKey: string) => void;
}) {
  const { t } = useTranslation();
  const end = useEndSession(classId);
  const selectId = `session-${session.id}-lesson`;
  return (
    <li className="session-row" data-status={session.status}>
      <h3 className="session-row__when">{when}</h3>
      <p className="session-row__status">{t(`community.sessions.status.${session.status}` as 'community.sessions.status.live')}</p>
      {session.status !== 'ended' && session.status !== 'cancelled' ? (
        <div className="session-row__lesson">
          <label className="field__label" htmlFor={selectId}>
            {t('community.sessions.lessonOf', { when })}
          </label>
          <select id={selectId} className="input select" value={session.lessonKey ?? ''} onChange={(e) => onLesson(e.target.value)}>
            <option value="">{t('community.sessions.noLesson')}</option>
            {lessonOptions.map((l) => (
              <option key={l.lessonKey} value={l.lessonKey}>
                {l.module} — {l.title}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p>{session.lessonTitle ?? t('community.sessions.noLesson')}</p>
      )}
      <div className="button-row">
        {session.status !== 'cancelled' ? (
          <Link className="button" to={paths.presenter(classId, session.id)} aria-label={t('community.sessions.presentOf', { when })}>
            {t('community.sessions.present')}
          </Link>
        ) : null}
        <Link className="button button--secondary" to={paths.communityAttendance(classId, session.id)} aria-label={t('community.sessions.attendanceOf', { when })}>
          {t('community.sessions.attendance')}
        </Link>
        {session.status === 'live' ? (
          <Button variant="secondary" busy={end.isPending} onClick={() => end.mutate(session.id)} aria-label={t('community.sessions.endOf', { when })}>
            {t('community.sessions.end')}
          </Button>
        ) : null}
      </div>
    </li>
  );
}

function AttendeesSection({ classId }: { classId: string }) {
  const { t } = useTranslation();
  const attendees = useAttendees(classId);
  return (
    <section aria-labelledby="class-attendees-title">
      <h2 id="class-attendees-title">{t('community.attendees.title')}</h2>
      {!attendees.data ? (
        attendees.isError ? (
          <ErrorState title={t('community.attendees.loadError')} error={attendees.error} onRetry={() => void attendees.refetch()} retrying={attendees.isFetching} />
        ) : (
          <LoadingState label={t('community.attendees.loading')} />
        )
      ) : attendees.data.attendees.length === 0 ? (
        <p>{t('community.attendees.empty')}</p>
      ) : (
        <ul className="attendee-list" role="list">
          {attendees.data.attendees.map((a) => (
            <AttendeeRow key={a.id} classId={classId} attendee={a} />
          ))}
        </ul>
      )}
    </section>
  );
}

function AttendeeRow({ classId, attendee }: { classId: string; attendee: Attendee }) {
  const { t } = useTranslation();
  const link = useLinkAttendee(classId);
  const [phone, setPhone] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = `link-${attendee.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (phone.replace(/\D/g, '').length < 9) {
      setError(t('community.attendees.phoneInvalid'));
      return;
    }
    setError(undefined);
    link.mutate(
      { attendeeId: attendee.id, phone: phone.trim() },
      {
        onError: (e) =>
          setError(e instanceof ApiError && e.status === 404 ? t('community.attendees.noAccount') : e instanceof ApiError ? e.message : t('community.attendees.linkFailed')),
      },
    );
  };
  return (
    <li className="attendee-row">
      <p className="attendee-row__name">
        {attendee.name}
        {attendee.birthYear ? ` (${attendee.birthYear})` : ''}
        <span className="attendee-row__tag">
          {attendee.hasAccount ? t('community.attendees.hasAccount') : t('community.attendees.walkIn')}
        </span>
      </p>
      {!attendee.hasAccount ? (
        <form className="attendee-row__link" onSubmit={submit} noValidate>
          <TextField
            id={id}
            type="tel"
            inputMode="tel"
            autoComplete="off"
            label={t('community.attendees.linkPhone', { name: attendee.name })}
            value={phone}
            error={error}
            onChange={(e) => setPhone(e.target.value)}
          />
          <Button type="submit" variant="secondary" busy={link.isPending}>
            {t('community.attendees.link')}
          </Button>
        </form>
      ) : null}
    </li>
  );
}
