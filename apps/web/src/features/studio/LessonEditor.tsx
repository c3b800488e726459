import { DIGCOMP_2_2, VN_757_2025, VN_MOET_LEARNERS_2025, type Framework } from '@hocso/curriculum';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { SelectField, TextField } from '../../ui/Field';
import { CaptionsUpload, MediaStatus, VideoUpload } from '../media';
import { studioApi, useVersionMutation, type StudioLesson, type StudioVersion, type UpdateLessonBody } from './api';
import { kindName } from './labels';
import { RichTextEditor } from './RichTextEditor';

const FRAMEWORKS: readonly Framework[] = [VN_757_2025, VN_MOET_LEARNERS_2025, DIGCOMP_2_2];

/** The editor of one lesson, by kind: text (rich text), video (upload, status, captions), quiz, practice, resource. */
export function LessonEditor({ version, lesson }: { version: StudioVersion; lesson: StudioLesson }) {
  const { t } = useTranslation();
  const [, setParams] = useSearchParams();
  const save = useVersionMutation(version.id, (body: UpdateLessonBody) => studioApi.updateLesson(lesson.id, body));
  const remove = useVersionMutation(version.id, () => studioApi.deleteLesson(lesson.id));
  const [title, setTitle] = useState(lesson.title);
  const [minutes, setMinutes] = useState(String(lesson.estimatedMinutes));
  const [percent, setPercent] = useState(String(lesson.completionPercent));
  const [body, setBody] = useState(lesson.body ?? '');
  const [status, setStatus] = useState('');
  const ro = !version.editable;
  const headingId = `lesson-editor-${lesson.id}`;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const estimatedMinutes = Number.parseInt(minutes, 10);
    const completionPercent = Number.parseInt(percent, 10);
    if (!title.trim()) return setStatus(t('studio.create.titleRequired'));
    if (!Number.isInteger(estimatedMinutes) || estimatedMinutes < 1) return setStatus(t('studio.create.minutesInvalid'));
    const update: UpdateLessonBody = { title: title.trim(), estimatedMinutes };
    if (lesson.kind === 'video') {
      if (!Number.isInteger(completionPercent) || completionPercent < 1 || completionPercent > 100) return setStatus(t('studio.lesson.percentInvalid'));
      update.completionPercent = completionPercent;
    } else {
      update.body = body;
    }
    save.mutate(update, {
      onSuccess: (v) => {
        const stored = v.modules.flatMap((m) => m.lessons).find((l) => l.id === lesson.id);
        if (stored && lesson.kind !== 'video') setBody(stored.body ?? '');
        setStatus(t('studio.saved'));
      },
      onError: (e) => setStatus(e.message),
    });
  };

  return (
    <section className="panel studio-lesson-editor" aria-labelledby={headingId}>
      <h3 id={headingId} tabIndex={-1}>
        {t('studio.lesson.editing', { kind: kindName(t, lesson.kind), title: lesson.title })}
      </h3>
      <form className="form" onSubmit={onSubmit} noValidate>
        <fieldset disabled={ro} className="studio-fieldset">
          <TextField id={`lesson-title-${lesson.id}`} label={t('studio.content.lessonTitle')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
          <TextField id={`lesson-minutes-${lesson.id}`} label={t('studio.fields.minutes')} inputMode="numeric" value={minutes} onChange={(e) => setMinutes(e.target.value)} />
          {lesson.kind === 'video' ? (
            <TextField
              id={`lesson-percent-${lesson.id}`}
              label={t('studio.lesson.percent')}
              hint={t('studio.lesson.percentHint')}
              inputMode="numeric"
              value={percent}
              onChange={(e) => setPercent(e.target.value)}
            />
          ) : (
            <RichTextEditor
              id={`lesson-body-${lesson.id}`}
              label={lesson.kind === 'text' ? t('studio.lesson.body') : t('studio.lesson.instructions')}
              hint={t('studio.lesson.bodyHint')}
              value={body}
              onChange={setBody}
              readOnly={ro}
            />
          )}
        </fieldset>
        <p className="form__status" role="status">
          {status}
        </p>
        {ro ? null : (
          <div className="form__actions">
            <Button type="submit" busy={save.isPending} busyLabel={t('studio.saving')}>
              {t('studio.lesson.save')}
            </Button>
            <Button
              variant="danger"
              busy={remove.isPending}
              onClick={() => {
                if (!window.confirm(t('studio.content.confirmDeleteLesson', { title: lesson.title }))) return;
                remove.mutate(undefined, {
                  onSuccess: () =>
                    setParams((p) => {
                      p.delete('bai');
                      return p;
                    }),
                });
              }}
            >
              {t('studio.content.deleteLesson')}
            </Button>
          </div>
        )}
      </form>
      {lesson.kind === 'video' ? <VideoPart version={version} lesson={lesson} /> : null}
      <CompetencyEditor version={version} lesson={lesson} />
    </section>
  );
}

function VideoPart({ version, lesson }: { version: StudioVersion; lesson: StudioLesson }) {
  const { t } = useTranslation();
  const link = useVersionMutation(version.id, (mediaAssetId: string | null) => studioApi.updateLesson(lesson.id, { mediaAssetId }));
  return (
    <section className="studio-video" aria-labelledby={`video-${lesson.id}`}>
      <h4 id={`video-${lesson.id}`}>{t('studio.lesson.video')}</h4>
      {lesson.mediaAssetId ? (
        <>
          <MediaStatus assetId={lesson.mediaAssetId} />
          <CaptionsUpload assetId={lesson.mediaAssetId} />
        </>
      ) : (
        <p>{t('studio.lesson.noVideo')}</p>
      )}
      {version.editable ? (
        <>
          <VideoUpload onUploaded={(assetId) => link.mutate(assetId)} />
          <p role="status">{link.isSuccess ? t('studio.lesson.videoLinked') : link.isError ? link.error.message : ''}</p>
        </>
      ) : null}
    </section>
  );
}

function CompetencyEditor({ version, lesson }: { version: StudioVersion; lesson: StudioLesson }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const save = useVersionMutation(version.id, (list: { competency: string; level: number }[]) => studioApi.setCompetencies(lesson.id, list, lang));
  const [frameworkId, setFrameworkId] = useState(FRAMEWORKS[0]!.id);
  const framework = FRAMEWORKS.find((f) => f.id === frameworkId) ?? FRAMEWORKS[0]!;
  const competencies = framework.areas.flatMap((a) => a.competencies);
  const [code, setCode] = useState('');
  const [level, setLevel] = useState('1');
  const [status, setStatus] = useState('');
  const current = lesson.competencies.map((c) => ({ competency: c.competencyRef, level: c.level }));
  const nameOf = (ref: string) => {
    const [fw, c] = ref.split(':');
    const f = FRAMEWORKS.find((x) => x.id === fw);
    const comp = f?.areas.flatMap((a) => a.competencies).find((x) => x.code === c);
    return comp ? `${f!.shortName[lang]} ${c} — ${comp.name[lang]}` : ref;
  };
  const submit = (list: { competency: string; level: number }[], done: string) =>
    save.mutate(list, {
      onSuccess: () => setStatus(done),
      onError: (e) => setStatus([e.message, ...('details' in e ? ((e as { details: { message: string }[] }).details ?? []).map((d) => d.message) : [])].join(' ')),
    });
  const ro = !version.editable;

  return (
    <section className="studio-competencies" aria-labelledby={`comp-${lesson.id}`}>
      <h4 id={`comp-${lesson.id}`}>{lesson.kind === 'quiz' || lesson.kind === 'practice' ? t('studio.mapping.assesses') : t('studio.mapping.teaches')}</h4>
      {current.length === 0 ? (
        <p>{t('studio.mapping.none')}</p>
      ) : (
        <ul className="competency-list" role="list">
          {current.map((c) => (
            <li key={c.competency}>
              {nameOf(c.competency)} · {t('studio.mapping.levelN', { level: c.level })}{' '}
              {ro ? null : (
                <Button variant="link" onClick={() => submit(current.filter((x) => x.competency !== c.competency), t('studio.mapping.removed'))} aria-label={t('studio.mapping.remove', { name: nameOf(c.competency) })}>
                  {t('studio.content.delete')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {ro ? null : (
        <form
          className="studio-inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!code) return setStatus(t('studio.mapping.choose'));
            const ref = `${framework.id}:${code}`;
            submit([...current.filter((x) => x.competency !== ref), { competency: ref, level: Number(level) }], t('studio.mapping.saved'));
          }}
        >
          <SelectField id={`fw-${lesson.id}`} label={t('studio.mapping.framework')} value={frameworkId} onChange={(e) => { setFrameworkId(e.target.value as typeof frameworkId); setCode(''); }}>
            {FRAMEWORKS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.shortName[lang]}
              </option>
            ))}
          </SelectField>
          <SelectField id={`code-${lesson.id}`} label={t('studio.mapping.competency')} value={code} onChange={(e) => setCode(e.target.value)}>
            <option value="">{t('studio.mapping.choose')}</option>
            {competencies.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} — {c.name[lang]}
              </option>
            ))}
          </SelectField>
          <SelectField id={`level-${lesson.id}`} label={t('studio.mapping.level')} value={level} onChange={(e) => setLevel(e.target.value)}>
            {framework.levels.map((l) => (
              <option key={l.level} value={l.level}>
                {l.code} — {l.name[lang]}
              </option>
            ))}
          </SelectField>
          <Button type="submit" variant="secondary" busy={save.isPending} busyLabel={t('studio.saving')}>
            {t('studio.mapping.add')}
          </Button>
        </form>
      )}
      <p role="status">{status}</p>
    </section>
  );
}
