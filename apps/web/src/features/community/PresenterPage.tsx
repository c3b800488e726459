import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { ErrorState } from '../../ui/ErrorState';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { useMe } from '../auth/session';
import { ProgressQueue } from '../learn/progressQueue';
import { LessonRecorder } from '../learn/recorder';
import {
  attendanceQueryOptions,
  closeQuestion,
  fetchCheckInToken,
  fetchSessionQuestions,
  keys,
  launchQuestion,
  newClientId,
  presentationQueryOptions,
  projectorStreamUrl,
  startSession,
  type LiveQuestion,
  type LiveTally as Tally,
  type Presentation,
} from './api';
import { AttendanceChecklist } from './AttendanceChecklist';
import { LiveTally, useOptionText } from './LiveTally';
import { OutboxStatus } from './OutboxStatus';
import { loadPresentation, preloadImages, savePresentation } from './presenterCache';
import { usePresenterKeys, type PresenterCommand } from './presenterKeys';
import { QrCode } from './QrCode';
import { splitIntoSlides, textOf } from './slides';
import { useCommunityOutbox } from './useOutbox';
import { useEventSource } from './useEventSource';
import './community.css';

const VideoPlayer = lazy(() => import('../learn/VideoPlayer'));

type Slide = { kind: 'text'; title: string; html: string; part: number; parts: number } | { kind: 'video'; title: string };

/** The presentation as slides: each of the API's slides, a long one continued on the next; a video lesson's video after its title. */
export function buildSlides(presentation: Presentation, fallbackTitle: string): Slide[] {
  const slides: Slide[] = presentation.slides.flatMap((s) => {
    const pages = splitIntoSlides(s.html);
    if (pages.length === 0) return [{ kind: 'text' as const, title: s.title, html: '', part: 1, parts: 1 }];
    return pages.map((p) => ({ kind: 'text' as const, title: p.title ?? s.title, html: p.html, part: p.part, parts: p.parts }));
  });
  const title = presentation.lesson?.title ?? fallbackTitle;
  if (slides.length === 0) slides.push({ kind: 'text', title, html: '', part: 1, parts: 1 });
  if (presentation.video?.hlsUrl) slides.splice(1, 0, { kind: 'video', title });
  return slides;
}

/** A recorder whose events go nowhere: the facilitator's showing a video is not their own learning. */
function silentRecorder(lessonKey: string): LessonRecorder {
  const none = async () => ({ accepted: 0, duplicates: 0, lessons: [] });
  const store = {
    put: async () => undefined,
    list: async () => [],
    remove: async () => undefined,
    count: async () => 0,
  };
  return new LessonRecorder(new ProgressQueue('presenter', none, store), lessonKey);
}

function subscribeOnline(callback: () => void) {
  window.addEventListener('online', callback);
  window.addEventListener('offline', callback);
  return () => {
    window.removeEventListener('online', callback);
    window.removeEventListener('offline', callback);
  };
}
const useOnline = () => useSyncExternalStore(subscribeOnline, () => navigator.onLine, () => true);

const slideKey = (sessionId: string) => `hocso.presenter.slide.${sessionId}`;
function storedSlide(sessionId: string): number {
  try {
    return Number(window.sessionStorage.getItem(slideKey(sessionId))) || 0;
  } catch {
    return 0;
  }
}

/**
 * The presenter view for the projector: the lesson as slides in large, high-contrast type, its
 * video with captions, the join code and check-in QR always visible, live questions with a tally
 * that updates from the server's event stream, and the attendance checklist at hand. Everything
 * is loaded when the session starts, so it keeps working when the hall's network drops; marks made
 * meanwhile wait in the outbox.
 */
export function PresenterPage() {
  const { t } = useTranslation();
  const { classId = '', sessionId = '' } = useParams();
  const lang = useLanguage();
  const me = useMe();
  const queryClient = useQueryClient();
  const online = useOnline();

  // Starting is idempotent; a failure (offline) does not stop the presentation.
  useQuery({ queryKey: ['community', 'start', sessionId], queryFn: () => startSession(classId, sessionId), staleTime: Infinity, retry: 3 });

  const base = presentationQueryOptions(classId, sessionId, lang);
  const presentation = useQuery({
    ...base,
    queryFn: async (context) => {
      try {
        const fresh = await base.queryFn!(context);
        void savePresentation(classId, sessionId, lang, fresh);
        return fresh;
      } catch (error) {
        const kept = await loadPresentation(classId, sessionId, lang);
        if (kept) return kept;
        throw error;
      }
    },
  });
  const token = useQuery({
    queryKey: ['community', 'check-in-token', sessionId],
    queryFn: () => fetchCheckInToken(classId, sessionId),
    staleTime: 3 * 60 * 60_000,
    refetchInterval: 3 * 60 * 60_000,
    networkMode: 'offlineFirst',
  });

  // Load ahead: the roster (kept in the query cache), the video player's code, the slides' images.
  useEffect(() => {
    void queryClient.prefetchQuery(attendanceQueryOptions(classId, sessionId));
  }, [queryClient, classId, sessionId]);
  useEffect(() => {
    const p = presentation.data;
    if (!p) return;
    if (p.video?.hlsUrl) void import('../learn/VideoPlayer');
    preloadImages(p.slides.map((s) => s.html));
  }, [presentation.data]);

  const title = presentation.data ? (presentation.data.lesson?.title ?? presentation.data.classTitle) : t('community.presenter.title');
  usePageTitle(t('community.presenter.documentTitle', { title }));

  if (!presentation.data || !me.data) {
    return (
      <main id="main" tabIndex={-1} className="presenter presenter--loading">
        <h1 className="visually-hidden">{t('community.presenter.title')}</h1>
        {presentation.isError ? (
          <ErrorState title={t('community.presenter.loadError')} error={presentation.error} onRetry={() => void presentation.refetch()} retrying={presentation.isFetching} />
        ) : (
          <LoadingState label={t('community.presenter.loading')} />
        )}
      </main>
    );
  }
  return (
    <Presenter
      classId={classId}
      sessionId={sessionId}
      userId={me.data.id}
      presentation={presentation.data}
      checkInUrl={token.data?.url ?? null}
      online={online}
    />
  );
}

interface PresenterProps {
  classId: string;
  sessionId: string;
  userId: string;
  presentation: Presentation;
  checkInUrl: string | null;
  online: boolean;
}

function Presenter({ classId, sessionId, userId, presentation, checkInUrl, online }: PresenterProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const outbox = useCommunityOutbox(userId);
  const root = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const slides = useMemo(() => buildSlides(presentation, presentation.classTitle), [presentation]);
  const [index, setIndex] = useState(() => Math.min(storedSlide(sessionId), slides.length - 1));
  const [blank, setBlank] = useState(false);
  const [fullscreen, setFullscreen] = useState(false);
  const [panel, setPanel] = useState<'join' | 'attendance'>('join');
  const [question, setQuestion] = useState<LiveQuestion | null>(null);
  const [tally, setTally] = useState<Tally | null>(null);
  const [showQuestion, setShowQuestion] = useState(false);
  const [presentCount, setPresentCount] = useState<number | null>(null);
  const [liveError, setLiveError] = useState('');
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const attendance = useQuery(attendanceQueryOptions(classId, sessionId));
  const recorder = useMemo(() => silentRecorder(presentation.lesson?.lessonKey ?? sessionId), [presentation.lesson?.lessonKey, sessionId]);

  useEffect(() => {
    try {
      window.sessionStorage.setItem(slideKey(sessionId), String(index));
    } catch {
      // not kept across a reload; nothing else depends on it
    }
  }, [sessionId, index]);

  useEffect(() => {
    stage.current?.focus();
  }, []);

  useEffect(() => {
    const onChange = () => setFullscreen(document.fullscreenElement === root.current);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // The question open when the page (re)loads; afterwards the stream says what changes.
  useEffect(() => {
    fetchSessionQuestions(classId, sessionId)
      .then((questions) => {
        const open = questions.find((q) => !q.closedAt);
        if (open) {
          setQuestion(open);
          setTally(open.tally);
        }
      })
      .catch(() => undefined);
  }, [classId, sessionId]);

  const stream = useEventSource(projectorStreamUrl(classId), {
    question: (data) => {
      const q = data as LiveQuestion;
      if (q.sessionId !== sessionId) return;
      setQuestion(q);
      setTally(q.tally);
    },
    tally: (data) => {
      const next = data as Tally;
      setTally((current) => (current && current.questionId !== next.questionId ? current : next));
    },
    closed: (data) => {
      const q = data as LiveQuestion;
      setQuestion((current) => (current && current.id === q.id ? q : current));
      setTally((current) => (current && current.questionId === q.id ? q.tally : current));
    },
    attendance: (data) => {
      const a = data as { sessionId: string; presentCount: number };
      if (a.sessionId !== sessionId) return;
      setPresentCount(a.presentCount);
      // Someone checked in by QR: the checklist shows them too.
      void queryClient.invalidateQueries({ queryKey: keys.attendance(classId, sessionId) });
    },
  });

  const go = useCallback(
    (command: PresenterCommand) => {
      if (command === 'blank') {
        setBlank((b) => !b);
        return;
      }
      setBlank(false);
      if (showQuestion) {
        // A clicker cannot press "back to the slides": the next press does it.
        setShowQuestion(false);
        return;
      }
      setIndex((i) => {
        if (command === 'first') return 0;
        if (command === 'last') return slides.length - 1;
        return Math.max(0, Math.min(slides.length - 1, i + (command === 'next' ? 1 : -1)));
      });
    },
    [showQuestion, slides.length],
  );
  usePresenterKeys(true, go);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void root.current?.requestFullscreen?.().catch(() => undefined);
  };

  const launch = async (itemId: string) => {
    if (busy) return;
    setBusy(true);
    setLiveError('');
    try {
      const q = await launchQuestion(classId, sessionId, itemId, newClientId());
      setQuestion(q);
      setTally(q.tally);
      setShowQuestion(true);
      dialog.current?.close();
    } catch {
      setLiveError(online ? t('community.live.launchError') : t('community.live.launchOffline'));
    } finally {
      setBusy(false);
    }
  };

  const close = async () => {
    if (!question || busy) return;
    setBusy(true);
    setLiveError('');
    try {
      const closed = await closeQuestion(classId, question.id);
      setQuestion(closed);
      setTally(closed.tally);
    } catch {
      setLiveError(online ? t('community.live.closeError') : t('community.live.launchOffline'));
    } finally {
      setBusy(false);
    }
  };

  const slide = slides[index]!;
  const joinUrl = checkInUrl ?? presentation.joinUrl;
  const joinHost = (() => {
    try {
      return new URL(presentation.joinUrl).host;
    } catch {
      return window.location.host;
    }
  })();
  const openQuestion = question && !question.closedAt ? question : null;
  const shownPresent = presentCount ?? attendance.data?.presentCount ?? null;

  return (
    <div ref={root} className="presenter" data-blank={blank || undefined} data-testid="presenter">
      <header className="presenter__bar">
        <h1 className="presenter__heading">
          <span className="presenter__class">{presentation.classTitle}</span>
          {presentation.lesson ? <span className="presenter__lesson">{presentation.lesson.title}</span> : null}
        </h1>
        <div className="presenter__tools">
          <Button variant="secondary" className="presenter__tool" onClick={toggleFullscreen} aria-pressed={fullscreen}>
            {t('community.presenter.fullscreen')}
          </Button>
          <Button variant="secondary" className="presenter__tool" onClick={() => setBlank(true)} aria-keyshortcuts="B">
            {t('community.presenter.blank')}
          </Button>
          <Button variant="secondary" className="presenter__tool" onClick={() => dialog.current?.showModal()}>
            {t('community.live.launchOpen')}
          </Button>
          {question ? (
            <Button variant="secondary" className="presenter__tool" aria-pressed={showQuestion} onClick={() => setShowQuestion((s) => !s)}>
              {showQuestion ? t('community.live.backToSlides') : t('community.live.showQuestion')}
            </Button>
          ) : null}
          <Button variant="secondary" className="presenter__tool" aria-pressed={panel === 'attendance'} onClick={() => setPanel((p) => (p === 'attendance' ? 'join' : 'attendance'))}>
            {t('community.presenter.attendance')}
          </Button>
          <Link className="button button--secondary presenter__tool" to={paths.communityClass(classId)}>
            {t('community.presenter.exit')}
          </Link>
        </div>
      </header>

      <main id="main" ref={stage} tabIndex={-1} className="presenter__stage" lang={presentation.lesson?.language}>
        {showQuestion && question && tally ? (
          <div className="presenter__question">
            <LiveTally question={question} tally={tally} />
            <div className="button-row">
              {openQuestion ? (
                <Button onClick={() => void close()} busy={busy}>
                  {t('community.live.close')}
                </Button>
              ) : null}
              <Button variant="secondary" onClick={() => setShowQuestion(false)}>
                {t('community.live.backToSlides')}
              </Button>
            </div>
          </div>
        ) : (
          <article className="slide" aria-roledescription={t('community.presenter.slideRole')} aria-labelledby="slide-title" data-testid="slide" data-index={index}>
            <h2 id="slide-title" className="slide__title">
              {slide.title}
              {slide.kind === 'text' && slide.parts > 1 ? <span className="slide__part"> ({t('community.presenter.part', { part: slide.part, parts: slide.parts })})</span> : null}
            </h2>
            {slide.kind === 'video' && presentation.video ? (
              <div className="slide__video">
                <Suspense fallback={<LoadingState label={t('community.presenter.loadingVideo')} />}>
                  <VideoPlayer
                    media={{ ...presentation.video, captions: presentation.video.captions }}
                    startAt={0}
                    recorder={recorder}
                    title={slide.title}
                    language={presentation.lesson?.language ?? lang}
                  />
                </Suspense>
              </div>
            ) : slide.kind === 'text' && slide.html ? (
              // Lesson text, sanitised by the API (the studio cleans it on save).
              <div className="slide__body" dangerouslySetInnerHTML={{ __html: slide.html }} />
            ) : null}
          </article>
        )}
        {liveError ? (
          <p className="presenter__error" role="alert">
            {liveError}
          </p>
        ) : null}
      </main>

      <aside className="presenter__side" aria-label={t('community.presenter.sideLabel')}>
        {panel === 'attendance' ? (
          <AttendanceChecklist classId={classId} sessionId={sessionId} outbox={outbox} headingLevel={2} compact />
        ) : (
          <section className="presenter__join" aria-labelledby="join-title">
            <h2 id="join-title" className="presenter__join-title">
              {t('community.presenter.joinTitle')}
            </h2>
            <QrCode className="presenter__qr" value={joinUrl} label={t('community.presenter.qrLabel')} />
            <p className="presenter__join-how">{t('community.presenter.joinHow', { host: joinHost })}</p>
            <p className="presenter__code" data-testid="join-code">
              {/* Read letter by letter by screen readers; shown as one word. */}
              <span className="visually-hidden">{t('community.presenter.codeLabel', { code: presentation.joinCode.split('').join(' ') })}</span>
              <span aria-hidden="true">{presentation.joinCode}</span>
            </p>
            {shownPresent !== null ? <p className="presenter__present">{t('community.presenter.present', { count: shownPresent })}</p> : null}
            {openQuestion && !showQuestion && tally ? <p className="presenter__answers">{t('community.live.total', { count: tally.total })}</p> : null}
          </section>
        )}
      </aside>

      <footer className="presenter__footer">
        <Button variant="secondary" className="presenter__nav" onClick={() => go('previous')} aria-keyshortcuts="ArrowLeft PageUp">
          {t('community.presenter.previous')}
        </Button>
        <p className="presenter__counter" aria-live="polite" data-testid="slide-counter">
          {t('community.presenter.counter', { current: index + 1, total: slides.length })}
        </p>
        <Button variant="secondary" className="presenter__nav" onClick={() => go('next')} aria-keyshortcuts="ArrowRight PageDown Space">
          {t('community.presenter.next')}
        </Button>
        <div className="presenter__status">
          {!online ? <p className="presenter__offline">{t('community.presenter.offline')}</p> : stream !== 'open' ? <p>{t('community.presenter.reconnecting')}</p> : null}
          <OutboxStatus outbox={outbox} />
        </div>
        <p className="presenter__keys">{t('community.presenter.keys')}</p>
        <p className="visually-hidden" role="status">
          {blank ? t('community.presenter.blanked') : ''}
        </p>
      </footer>

      <div className="presenter__blank" hidden={!blank} onClick={() => setBlank(false)} />

      <dialog ref={dialog} className="live-dialog" aria-labelledby="live-dialog-title">
        <h2 id="live-dialog-title">{t('community.live.chooseTitle')}</h2>
        {presentation.liveItems.length === 0 ? <p>{t('community.live.noItems')}</p> : null}
        <ul className="live-dialog__list" role="list">
          {presentation.liveItems.map((item) => (
            <LiveItemChoice key={item.itemId} item={item} busy={busy} onLaunch={() => void launch(item.itemId)} />
          ))}
        </ul>
        {liveError ? <p role="alert">{liveError}</p> : null}
        <form method="dialog">
          <Button type="submit" variant="secondary">
            {t('community.live.cancel')}
          </Button>
        </form>
      </dialog>
    </div>
  );
}

function LiveItemChoice({ item, busy, onLaunch }: { item: Presentation['liveItems'][number]; busy: boolean; onLaunch: () => void }) {
  const { t } = useTranslation();
  const optionText = useOptionText();
  const stem = textOf(item.stem);
  return (
    <li className="live-dialog__item">
      <p className="live-dialog__stem">{stem}</p>
      <p className="live-dialog__options">{item.options.map((o) => optionText(o)).join(' · ')}</p>
      <Button onClick={onLaunch} busy={busy} aria-label={t('community.live.launchThis', { stem })}>
        {t('community.live.launch')}
      </Button>
    </li>
  );
}
