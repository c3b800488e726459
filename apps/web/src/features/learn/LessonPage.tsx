import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { ApiError } from '../../api/errors';
import { useLanguage } from '../../i18n';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMe } from '../auth/session';
import { mediaQueryOptions, useLearnPath, type LearnLesson, type MediaInfo } from './api';
import { LessonKindLabel, LessonStateLabel } from './labels';
import { allLessons, nextLesson } from './pathUtils';
import { progressQueueFor } from './progressQueue';
import { localPosition, useLessonRecorder, type LessonRecorder } from './recorder';
import { SyncStatus } from './SyncStatus';
import { TextLesson } from './TextLesson';
import { useProgressAnswers } from './useProgressAnswers';

// video.js is big: its chunk is fetched only when a video lesson opens.
const VideoPlayer = lazy(() => import('./VideoPlayer'));

export function LessonPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { slug = '', lessonId = '' } = useParams();
  const me = useMe();
  const path = useLearnPath(slug, lang);
  const queue = me.data ? progressQueueFor(me.data.id) : null;
  useProgressAnswers(queue, slug, lang);
  const lesson = path.data ? allLessons(path.data).find((l) => l.id === lessonId) : undefined;
  usePageTitle(lesson?.title ?? t('learn.lesson.title'));

  if (!path.data || !me.data || !queue) {
    if (path.error instanceof ApiError && [403, 404].includes(path.error.status)) {
      return (
        <>
          <h1>{t('learn.path.notEnrolledTitle')}</h1>
          <p>
            <Link to={paths.course(slug)}>{t('learn.path.toCourse')}</Link>
          </p>
        </>
      );
    }
    if (path.isError) return <ErrorState title={t('learn.path.loadError')} error={path.error} onRetry={() => void path.refetch()} retrying={path.isFetching} />;
    return <LoadingState label={t('learn.lesson.loading')} />;
  }
  if (!lesson) {
    return (
      <>
        <h1>{t('learn.lesson.notFound')}</h1>
        <p>
          <Link to={paths.learn(slug)}>{t('learn.lesson.backToPath')}</Link>
        </p>
      </>
    );
  }
  const next = nextLesson(path.data, lesson.id);
  return (
    <>
      <p className="breadcrumb">
        <Link to={paths.learn(slug)} lang={path.data.language}>
          {path.data.title}
        </Link>
      </p>
      <h1 lang={lesson.language ?? path.data.language}>{lesson.title}</h1>
      <p className="lesson-meta">
        <LessonKindLabel kind={lesson.kind} minutes={lesson.estimatedMinutes} /> <LessonStateLabel state={lesson.state} percent={lesson.watchedPercent} />
      </p>
      <SyncStatus queue={queue} />
      {lesson.state === 'locked' ? (
        <p className="notice notice--warning">{t('learn.lesson.locked')}</p>
      ) : (
        <LessonBody key={lesson.id} userId={me.data.id} lesson={lesson} language={lang} />
      )}
      <nav className="lesson-nav" aria-label={t('learn.lesson.navLabel')}>
        {next ? (
          next.state === 'locked' ? (
            <p>{t('learn.lesson.nextLocked', { title: next.title })}</p>
          ) : (
            <Link className="button" to={paths.lesson(slug, next.id)}>
              {t('learn.lesson.next', { title: next.title })}
            </Link>
          )
        ) : (
          <Link className="button button--secondary" to={paths.learn(slug)}>
            {t('learn.lesson.backToPath')}
          </Link>
        )}
      </nav>
    </>
  );
}

function LessonBody({ userId, lesson, language }: { userId: string; lesson: LearnLesson; language: string }) {
  const recorder = useLessonRecorder(userId, lesson.id);
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    opened.current = true;
    recorder.record('lesson_opened');
  }, [recorder]);

  if (lesson.kind === 'video') return <VideoLesson lesson={lesson} recorder={recorder} language={language} />;
  if (lesson.kind === 'text') return <TextLesson lesson={lesson} recorder={recorder} />;
  return <OtherLesson lesson={lesson} />;
}

function OtherLesson({ lesson }: { lesson: LearnLesson }) {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  return (
    <>
      {lesson.body ? <div className="lesson-text" lang={lesson.language} dangerouslySetInnerHTML={{ __html: lesson.body }} /> : null}
      {lesson.kind === 'quiz' ? (
        <>
          <p className="notice">{t('learn.lesson.quizNote')}</p>
          <p>
            <Link className="button" to={paths.quiz(slug, lesson.id)}>
              {t('learn.lesson.startQuiz')}
            </Link>
          </p>
        </>
      ) : null}
    </>
  );
}

function VideoLesson({ lesson, recorder, language }: { lesson: LearnLesson; recorder: LessonRecorder; language: string }) {
  const { t } = useTranslation();
  const assetId = lesson.media?.hlsUrl ? undefined : (lesson.media?.assetId ?? lesson.media?.id ?? lesson.mediaAssetId ?? undefined);
  const asset = useQuery({ ...mediaQueryOptions(assetId ?? ''), enabled: Boolean(assetId) });
  const media: MediaInfo | undefined = lesson.media?.hlsUrl ? lesson.media : asset.data;
  // Resume: this device's last position, else the server's (another device, or storage cleared).
  const [startAt] = useState(() => localPosition(lesson.id)?.seconds ?? lesson.positionSeconds ?? 0);
  const [ended, setEnded] = useState(false);

  if (!media) {
    if (!assetId) return <p className="notice notice--warning">{t('learn.player.notReady')}</p>;
    if (asset.isError) return <ErrorState title={t('learn.player.loadError')} error={asset.error} onRetry={() => void asset.refetch()} retrying={asset.isFetching} />;
    return <LoadingState label={t('learn.player.loading')} />;
  }
  return (
    <>
      <Suspense fallback={<LoadingState label={t('learn.player.loading')} />}>
        <VideoPlayer media={media} startAt={startAt} recorder={recorder} title={lesson.title} language={language} onEnded={() => setEnded(true)} />
      </Suspense>
      {ended ? (
        <p className="notice" role="status">
          {lesson.state === 'completed' ? t('learn.player.endedCompleted') : t('learn.player.ended')}
        </p>
      ) : null}
      {lesson.body ? <div className="lesson-text" lang={lesson.language} dangerouslySetInnerHTML={{ __html: lesson.body }} /> : null}
    </>
  );
}
