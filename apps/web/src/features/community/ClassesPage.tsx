import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { paths } from '../../app/paths';
import { ApiError } from '../../api/errors';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { SelectField, TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFormErrors } from '../../ui/useFormErrors';
import { useCourses } from '../catalog/useCourses';
import { useClasses, useCommunityUnits, useCreateClass } from './api';
import { formatDateTime, scheduleText } from './format';
import './community.css';

/** "Lớp học cộng đồng": the facilitator's classes, and a form to open a new one. */
export function ClassesPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const classes = useClasses();
  usePageTitle(t('community.classes.title'));

  let list;
  if (!classes.data) {
    list = classes.isError ? (
      <ErrorState title={t('community.classes.loadError')} error={classes.error} onRetry={() => void classes.refetch()} retrying={classes.isFetching} />
    ) : (
      <LoadingState label={t('community.classes.loading')} />
    );
  } else if (classes.data.classes.length === 0) {
    list = <p>{t('community.classes.empty')}</p>;
  } else {
    list = (
      <ul className="class-list" role="list">
        {classes.data.classes.map((c) => (
          <li key={c.id} className="class-card">
            <h3 className="class-card__title">
              <Link to={paths.communityClass(c.id)}>{c.title}</Link>
            </h3>
            <p>
              {c.course.title} · {c.unit.name}
            </p>
            <p>
              {scheduleText(c.schedule, t, lang)} · {c.place}
            </p>
            <p className="class-card__meta">
              {t('community.classes.attendees', { count: c.attendeeCount })}
              {c.nextSession ? ` · ${t('community.classes.next', { when: formatDateTime(c.nextSession.startsAt, lang) })}` : ''}
            </p>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <>
      <h1>{t('community.classes.title')}</h1>
      <p className="lead">{t('community.classes.lead')}</p>
      <section aria-labelledby="classes-mine">
        <h2 id="classes-mine">{t('community.classes.mine')}</h2>
        {list}
      </section>
      <CreateClassForm />
    </>
  );
}

type Field = 'title' | 'unitId' | 'courseSlug' | 'weekday' | 'startTime' | 'durationMinutes' | 'firstDate' | 'place';
const ORDER: readonly Field[] = ['title', 'unitId', 'courseSlug', 'weekday', 'startTime', 'durationMinutes', 'firstDate', 'place'];
const fieldId = (f: Field) => `class-${f}`;

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

function CreateClassForm() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const units = useCommunityUnits();
  const courses = useCourses(lang);
  const create = useCreateClass();
  const errors = useFormErrors<Field>();
  const [values, setValues] = useState<Record<Field, string>>({
    title: '',
    unitId: '',
    courseSlug: '',
    weekday: '3',
    startTime: '19:00',
    durationMinutes: '90',
    firstDate: today(),
    place: '',
  });
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (values.title.trim().length < 3) found.title = t('community.create.titleRequired');
    if (!values.unitId) found.unitId = t('community.create.unitRequired');
    if (!values.courseSlug) found.courseSlug = t('community.create.courseRequired');
    if (!/^\d{2}:\d{2}$/.test(values.startTime)) found.startTime = t('community.create.timeRequired');
    const minutes = Number(values.durationMinutes);
    if (!Number.isInteger(minutes) || minutes < 15 || minutes > 600) found.durationMinutes = t('community.create.durationInvalid');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(values.firstDate)) found.firstDate = t('community.create.dateRequired');
    if (values.place.trim().length < 2) found.place = t('community.create.placeRequired');
    if (Object.keys(found).length > 0) {
      errors.fail(found);
      return;
    }
    errors.clear();
    create.mutate(
      {
        title: values.title.trim(),
        unitId: values.unitId,
        courseSlug: values.courseSlug,
        place: values.place.trim(),
        schedule: { weekday: Number(values.weekday), startTime: values.startTime, durationMinutes: minutes, firstDate: values.firstDate },
      },
      {
        onSuccess: (created) => void navigate(paths.communityClass(created.id)),
        onError: (error) => {
          const details = error instanceof ApiError ? error.details : [];
          const byField: Partial<Record<Field, string>> = {};
          for (const d of details) {
            const key = (d.field.split('.').pop() ?? d.field) as Field;
            if (ORDER.includes(key)) byField[key] = d.message;
          }
          errors.fail(byField, Object.keys(byField).length > 0 ? undefined : error instanceof ApiError ? error.message : t('community.create.failed'));
        },
      },
    );
  };

  return (
    <section aria-labelledby="classes-create" className="create-class">
      <h2 id="classes-create">{t('community.create.title')}</h2>
      <form onSubmit={submit} noValidate className="form">
        <ErrorSummary errors={errors.summary(ORDER, fieldId)} focusKey={errors.focusKey} formError={errors.form} />
        <TextField id={fieldId('title')} label={t('community.create.name')} hint={t('community.create.nameHint')} value={values.title} error={errors.fields.title} onChange={set('title')} />
        <SelectField id={fieldId('unitId')} label={t('community.create.unit')} value={values.unitId} error={errors.fields.unitId} onChange={set('unitId')}>
          <option value="">{units.isPending ? t('community.create.loadingList') : t('community.create.choose')}</option>
          {units.data?.units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </SelectField>
        <SelectField id={fieldId('courseSlug')} label={t('community.create.course')} value={values.courseSlug} error={errors.fields.courseSlug} onChange={set('courseSlug')}>
          <option value="">{courses.isPending ? t('community.create.loadingList') : t('community.create.choose')}</option>
          {courses.data?.items.map((c) => (
            <option key={c.slug} value={c.slug}>
              {c.title}
            </option>
          ))}
        </SelectField>
        <SelectField id={fieldId('weekday')} label={t('community.create.weekday')} value={values.weekday} onChange={set('weekday')}>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <option key={d} value={String(d)}>
              {t(`community.weekday.${d}` as 'community.weekday.1')}
            </option>
          ))}
        </SelectField>
        <TextField id={fieldId('startTime')} type="time" label={t('community.create.startTime')} value={values.startTime} error={errors.fields.startTime} onChange={set('startTime')} />
        <TextField
          id={fieldId('durationMinutes')}
          inputMode="numeric"
          label={t('community.create.duration')}
          value={values.durationMinutes}
          error={errors.fields.durationMinutes}
          onChange={set('durationMinutes')}
        />
        <TextField id={fieldId('firstDate')} type="date" label={t('community.create.firstDate')} value={values.firstDate} error={errors.fields.firstDate} onChange={set('firstDate')} />
        <TextField id={fieldId('place')} label={t('community.create.place')} hint={t('community.create.placeHint')} value={values.place} error={errors.fields.place} onChange={set('place')} />
        <Button type="submit" busy={create.isPending} busyLabel={t('community.create.creating')}>
          {t('community.create.submit')}
        </Button>
      </form>
    </section>
  );
}
