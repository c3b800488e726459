import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { useFormErrors } from '../../ui/useFormErrors';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { CellLabel } from '../admin/CellLabel';
import { ScopeLine } from '../admin/AdminLayout';
import { useAssignMentee, useUnitMentors } from './api';

/** "/quan-tri/dai-su-so": officials see the Digital Ambassadors of their area under five active mentees. */
export function UnitMentorsPage() {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const mentors = useUnitMentors(all);
  usePageTitle(t('mentoring.unit.title'));
  const columns = { place: t('mentoring.unit.place'), active: t('mentoring.unit.active'), total: t('mentoring.unit.total') };

  let body;
  if (!mentors.data) {
    body = mentors.isError ? (
      <ErrorState title={t('mentoring.unit.loadError')} error={mentors.error} onRetry={() => void mentors.refetch()} retrying={mentors.isFetching} />
    ) : (
      <LoadingState label={t('mentoring.unit.loading')} />
    );
  } else {
    const data = mentors.data;
    body = (
      <>
        <p role="status">{t('mentoring.unit.summary', { under: data.mentorsUnderMinimum, total: data.mentorsTotal, minimum: data.minimum })}</p>
        {data.mentors.length === 0 ? (
          <p>{t('mentoring.unit.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack" role="table">
              <caption>{t('mentoring.unit.caption')}</caption>
              <thead role="rowgroup">
                <tr role="row">
                  <th scope="col" role="columnheader">
                    {t('mentoring.unit.name')}
                  </th>
                  {Object.values(columns).map((name) => (
                    <th key={name} scope="col" role="columnheader">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody role="rowgroup">
                {data.mentors.map((m) => (
                  <tr key={m.mentorUserId} role="row">
                    <th scope="row" role="rowheader">
                      {m.displayName}
                    </th>
                    <td role="cell">
                      <CellLabel>{columns.place}</CellLabel>
                      {m.unit?.name ?? t('mentoring.unit.noPlace')}
                    </td>
                    <td role="cell">
                      <CellLabel>{columns.active}</CellLabel>
                      {m.activeMentees}/{data.minimum}
                    </td>
                    <td role="cell">
                      <CellLabel>{columns.total}</CellLabel>
                      {m.totalMentees}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>
    );
  }
  return (
    <>
      <h1>{t('mentoring.unit.title')}</h1>
      <ScopeLine />
      <p className="lead">{t('mentoring.unit.lead', { minimum: 5, days: 30 })}</p>
      <div className="field">
        <label className="checkbox-inline">
          <input type="checkbox" checked={all} onChange={(event) => setAll(event.target.checked)} /> {t('mentoring.unit.showAll')}
        </label>
      </div>
      {body}
      <AssignForm />
    </>
  );
}

type AssignField = 'mentor' | 'mentee';

/** An official pairs a mentor and a learner of their area by phone number or email. */
function AssignForm() {
  const { t } = useTranslation();
  const assign = useAssignMentee();
  const errors = useFormErrors<AssignField>();
  const [values, setValues] = useState<Record<AssignField, string>>({ mentor: '', mentee: '' });
  const [done, setDone] = useState<string | undefined>();
  const ids: Record<AssignField, string> = { mentor: 'assign-mentor', mentee: 'assign-mentee' };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(undefined);
    const missing = {
      mentor: values.mentor.trim() ? undefined : t('mentoring.assign.required'),
      mentee: values.mentee.trim() ? undefined : t('mentoring.assign.required'),
    };
    if (missing.mentor || missing.mentee) return errors.fail(missing);
    errors.clear();
    assign.mutate(
      { mentor: values.mentor.trim(), mentee: values.mentee.trim() },
      {
        onSuccess: (made) => {
          setValues({ mentor: '', mentee: '' });
          setDone(t('mentoring.assign.done', { mentor: made.mentor.displayName, mentee: made.mentee.displayName }));
        },
        onError: (e) => {
          const status = e instanceof ApiError ? e.status : 0;
          const message = e instanceof ApiError ? e.body?.message ?? '' : '';
          const field: AssignField = message.startsWith('mentee') ? 'mentee' : 'mentor';
          if (status === 404) errors.fail({ [field]: t('mentoring.assign.notFound') });
          else if (status === 400 && message.includes('role mentor')) errors.fail({ mentor: t('mentoring.assign.notMentor') });
          else if (status === 400) errors.fail({ [field]: t('mentoring.assign.invalid') });
          else if (status === 409) errors.fail({ mentee: t('mentoring.assign.conflict') });
          else errors.fail({}, t('mentoring.assign.failed'));
        },
      },
    );
  };

  return (
    <section aria-labelledby="assign-title">
      <h2 id="assign-title">{t('mentoring.assign.title')}</h2>
      <p>{t('mentoring.assign.lead')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={errors.summary(['mentor', 'mentee'], (f) => ids[f])} focusKey={errors.focusKey} formError={errors.form} />
        {(['mentor', 'mentee'] as const).map((field) => (
          <TextField
            key={field}
            id={ids[field]}
            label={t(field === 'mentor' ? 'mentoring.assign.mentor' : 'mentoring.assign.mentee')}
            error={errors.fields[field]}
            value={values[field]}
            autoComplete="off"
            maxLength={254}
            onChange={(event) => setValues((v) => ({ ...v, [field]: event.target.value }))}
          />
        ))}
        <Button type="submit" busy={assign.isPending} busyLabel={t('mentoring.assign.sending')}>
          {t('mentoring.assign.submit')}
        </Button>
        <div role="status">{done ? <p className="notice">{done}</p> : null}</div>
      </form>
    </section>
  );
}
