import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { newClientId, useAttendance, type AttendanceRow } from './api';
import { useOutboxItems, type Outbox } from './outbox';

interface Props {
  classId: string;
  sessionId: string;
  outbox: Outbox;
  /** Heading level of the list's title (the presenter's side panel uses a smaller one). */
  headingLevel?: 2 | 3;
  compact?: boolean;
}

/**
 * The facilitator's checklist: one large checkbox per attendee (Tab and Space, or a tap), marks
 * kept in the outbox and sent when the network allows; what waits is shown as marked already,
 * with "chờ đồng bộ". Walk-ins (no phone, no account) are added by name and year of birth.
 */
export function AttendanceChecklist({ classId, sessionId, outbox, headingLevel = 2, compact = false }: Props) {
  const { t } = useTranslation();
  const attendance = useAttendance(classId, sessionId);
  const pending = useOutboxItems(outbox);
  const Heading = `h${headingLevel}` as const;
  const idPrefix = useId();

  if (!attendance.data) {
    return attendance.isError ? (
      <ErrorState title={t('community.attendance.loadError')} error={attendance.error} onRetry={() => void attendance.refetch()} retrying={attendance.isFetching} />
    ) : (
      <LoadingState label={t('community.attendance.loading')} />
    );
  }

  // What waits in the outbox wins over what the server said (it is newer).
  const waiting = new Map<string, boolean>();
  const waitingWalkIns: { id: string; name: string; birthYear: number }[] = [];
  for (const item of pending) {
    const a = item.action;
    if (a.kind === 'attendance' && a.sessionId === sessionId) waiting.set(a.attendeeId, a.present);
    if (a.kind === 'walkIn' && a.classId === classId) waitingWalkIns.push({ id: item.id, name: a.name, birthYear: a.birthYear });
  }
  const rows = attendance.data.rows;
  const isPresent = (row: AttendanceRow) => waiting.get(row.attendee.id) ?? row.present === true;
  const presentCount = rows.filter(isPresent).length + waitingWalkIns.length;

  return (
    <section className={compact ? 'attendance attendance--compact' : 'attendance'} aria-labelledby={`${idPrefix}-title`}>
      <Heading id={`${idPrefix}-title`} className="attendance__title">
        {t('community.attendance.listTitle')}
      </Heading>
      <p className="attendance__count" data-testid="present-count">
        {t('community.attendance.presentCount', { count: presentCount, total: rows.length + waitingWalkIns.length })}
      </p>
      {rows.length === 0 && waitingWalkIns.length === 0 ? <p>{t('community.attendance.empty')}</p> : null}
      <ul className="attendance__list" role="list">
        {rows.map((row) => {
          const id = `${idPrefix}-a-${row.attendee.id}`;
          const present = isPresent(row);
          const isWaiting = waiting.has(row.attendee.id);
          return (
            <li key={row.attendee.id} className={present ? 'attendance__row attendance__row--present' : 'attendance__row'}>
              <input
                id={id}
                type="checkbox"
                className="attendance__check"
                checked={present}
                aria-describedby={`${id}-state`}
                onChange={(event) =>
                  void outbox.enqueue({ kind: 'attendance', classId, sessionId, attendeeId: row.attendee.id, present: event.target.checked })
                }
              />
              <label htmlFor={id} className="attendance__name">
                {row.attendee.name}
                {row.attendee.birthYear ? <span className="attendance__meta"> ({row.attendee.birthYear})</span> : null}
              </label>
              <span id={`${id}-state`} className="attendance__state">
                {isWaiting
                  ? t('community.attendance.waiting')
                  : row.method === 'qr' && present
                    ? t('community.attendance.byQr')
                    : row.attendee.walkIn
                      ? t('community.attendance.walkIn')
                      : ''}
              </span>
            </li>
          );
        })}
        {waitingWalkIns.map((walkIn) => (
          <li key={walkIn.id} className="attendance__row attendance__row--present attendance__row--waiting">
            <span className="attendance__name">
              {walkIn.name} <span className="attendance__meta">({walkIn.birthYear})</span>
            </span>
            <span className="attendance__state">{t('community.attendance.walkInWaiting')}</span>
          </li>
        ))}
      </ul>
      <WalkInForm classId={classId} sessionId={sessionId} outbox={outbox} idPrefix={idPrefix} />
    </section>
  );
}

function WalkInForm({ classId, sessionId, outbox, idPrefix }: { classId: string; sessionId: string; outbox: Outbox; idPrefix: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [errors, setErrors] = useState<{ name?: string; birthYear?: string }>({});
  const [added, setAdded] = useState('');
  const thisYear = new Date().getFullYear();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const year = Number(birthYear);
    const next: typeof errors = {};
    if (name.trim().length < 2) next.name = t('community.walkIn.nameRequired');
    if (!/^\d{4}$/.test(birthYear.trim()) || year < 1900 || year > thisYear) next.birthYear = t('community.walkIn.birthYearInvalid', { max: thisYear });
    setErrors(next);
    if (next.name || next.birthYear) {
      document.getElementById(next.name ? `${idPrefix}-walkin-name` : `${idPrefix}-walkin-year`)?.focus();
      return;
    }
    void outbox.enqueue({ kind: 'walkIn', classId, name: name.trim(), birthYear: year, presentIn: { sessionId, clientId: newClientId() } });
    setAdded(t('community.walkIn.added', { name: name.trim() }));
    setName('');
    setBirthYear('');
  };

  return (
    <form className="walk-in" onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-walkin-title`}>
      <h3 id={`${idPrefix}-walkin-title`} className="walk-in__title">
        {t('community.walkIn.title')}
      </h3>
      <p className="field__hint">{t('community.walkIn.hint')}</p>
      <div className="walk-in__fields">
        <TextField
          id={`${idPrefix}-walkin-name`}
          label={t('community.walkIn.name')}
          value={name}
          autoComplete="off"
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          id={`${idPrefix}-walkin-year`}
          label={t('community.walkIn.birthYear')}
          value={birthYear}
          inputMode="numeric"
          autoComplete="off"
          maxLength={4}
          error={errors.birthYear}
          onChange={(e) => setBirthYear(e.target.value)}
        />
      </div>
      <Button type="submit" variant="secondary">
        {t('community.walkIn.add')}
      </Button>
      <p role="status" className="walk-in__status">
        {added}
      </p>
    </form>
  );
}
