// The video player: its own lazy chunk (video.js with VHS is large), loaded only on video lessons.
import type { TFunction } from 'i18next';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import videojs from 'video.js';
import videojsVi from 'video.js/dist/lang/vi.json';
import 'video.js/dist/video-js.css';
import type { MediaInfo } from './api';
import { BATCH_INTERVAL_MS, usePageLeave, type LessonRecorder } from './recorder';
import { defaultQuality, qualityChoices, rememberQuality, SPEEDS, type Quality } from './quality';

videojs.addLanguage('vi', videojsVi as Record<string, string>);

interface QualityLevel {
  height?: number;
  bitrate?: number;
  enabled: boolean;
}
interface QualityLevelList {
  length: number;
  [index: number]: QualityLevel;
  on(event: string, fn: () => void): void;
}
interface TextTrackLike {
  kind: string;
  language: string;
  mode: 'showing' | 'hidden' | 'disabled';
}
/** The part of video.js's Player this component uses (its bundled types are loose). */
interface Player {
  on(event: string | string[], fn: () => void): void;
  one(event: string, fn: () => void): void;
  ready(fn: () => void): void;
  dispose(): void;
  src(source?: { src: string; type: string }): unknown;
  play(): Promise<void> | undefined;
  pause(): void;
  paused(): boolean;
  ended(): boolean;
  currentTime(seconds?: number): number;
  duration(): number;
  playbackRate(rate?: number): number;
  muted(value?: boolean): boolean;
  isFullscreen(): boolean;
  requestFullscreen(): Promise<void>;
  exitFullscreen(): Promise<void>;
  seeking(): boolean;
  textTracks(): { length: number; [index: number]: TextTrackLike };
  qualityLevels(): QualityLevelList;
  audioOnlyMode(value?: boolean): unknown;
  el(): HTMLElement;
}

export interface VideoPlayerProps {
  media: MediaInfo;
  /** Seconds to start at (resume). */
  startAt: number;
  recorder: LessonRecorder;
  title: string;
  /** The learner's language, for the captions shown by default. */
  language: string;
  onEnded?: () => void;
}

const SEEK_STEP = 5;

function sourceOf(url: string): { src: string; type: string } {
  if (/\.m3u8(\?|$)/.test(url)) return { src: url, type: 'application/x-mpegURL' };
  if (/\.(m4a|mp4)(\?|$)/.test(url)) return { src: url, type: url.includes('.m4a') ? 'audio/mp4' : 'video/mp4' };
  return { src: url, type: 'application/x-mpegURL' };
}

export function VideoPlayer({ media, startAt, recorder, title, language, onEnded }: VideoPlayerProps) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const playerRef = useRef<Player | null>(null);
  const onEndedRef = useRef(onEnded);
  onEndedRef.current = onEnded;
  const choices = qualityChoices(media);
  const [quality, setQuality] = useState<Quality>(() => defaultQuality(choices));
  const qualityRef = useRef(quality);
  const [speed, setSpeed] = useState(1);
  const qualityId = useId();
  const speedId = useId();
  const hintId = useId();

  // Create the player once per asset.
  useEffect(() => {
    const container = holder.current;
    if (!container || !media.hlsUrl) return;
    const element = document.createElement('video-js');
    element.className = 'video-js vjs-fluid vjs-big-play-centered';
    element.setAttribute('playsinline', '');
    container.appendChild(element);
    const initialQuality = qualityRef.current;
    const initialUrl = initialQuality === 'audio' && media.audioUrl ? media.audioUrl : media.hlsUrl;
    const player = videojs(element, {
      controls: true,
      preload: 'metadata',
      language,
      poster: media.posterUrl ?? undefined,
      playbackRates: [...SPEEDS],
      html5: { vhs: { overrideNative: true, useBandwidthFromLocalStorage: true }, nativeAudioTracks: false, nativeVideoTracks: false },
      userActions: { hotkeys: (event: KeyboardEvent) => handleKey(player, event) },
      sources: [sourceOf(initialUrl)],
      tracks: (media.captions ?? []).map((c) => ({
        kind: 'captions',
        src: c.url,
        srclang: c.language,
        label: c.label ?? t(`learn.player.captionLanguage.${c.language === 'en' ? 'en' : c.language === 'vi' ? 'vi' : 'other'}`, { code: c.language }),
        default: c.language === language,
      })),
    }) as unknown as Player;
    playerRef.current = player;
    player.el().setAttribute('aria-label', t('learn.player.label', { title }));
    player.el().setAttribute('aria-describedby', hintId);
    // The player itself is a tab stop: the keys below work as soon as it has focus.
    player.el().setAttribute('tabindex', '0');
    // The big play button disappears once playing: keep keyboard focus inside the player.
    player.on('play', () => {
      window.setTimeout(() => {
        const active = document.activeElement;
        if (active && active.classList.contains('vjs-big-play-button')) player.el().focus();
      }, 0);
    });

    let resumed = false;
    const resume = () => {
      if (resumed) return;
      resumed = true;
      const duration = player.duration();
      if (startAt > 0 && (!Number.isFinite(duration) || startAt < duration - 1)) player.currentTime(startAt);
    };
    player.one('loadedmetadata', resume);
    player.on('timeupdate', () => {
      if (!player.paused() && !player.seeking()) recorder.time(player.currentTime(), player.playbackRate());
    });
    player.on('seeking', () => recorder.interrupt());
    player.on('pause', () => {
      recorder.interrupt(player.currentTime());
      recorder.flush(player.currentTime());
    });
    player.on('ended', () => {
      recorder.interrupt(player.currentTime());
      recorder.flush(player.currentTime());
      onEndedRef.current?.();
    });
    const levels = player.qualityLevels();
    levels.on('addqualitylevel', () => applyLevels(levels, qualityRef.current));

    const timer = window.setInterval(() => {
      if (!player.paused()) recorder.flush(player.currentTime());
    }, BATCH_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      recorder.interrupt();
      recorder.flush(player.currentTime());
      player.dispose();
      playerRef.current = null;
    };
    // The player is made once per asset; language, title and captions are read at that time.
  }, [media.hlsUrl, recorder]);

  usePageLeave(() => {
    const player = playerRef.current;
    if (!player) return;
    recorder.interrupt();
    recorder.flush(player.currentTime(), true);
  });

  const changeQuality = (next: Quality) => {
    const player = playerRef.current;
    const previous = qualityRef.current;
    qualityRef.current = next;
    setQuality(next);
    rememberQuality(next);
    if (!player) return;
    const toAudio = next === 'audio' && previous !== 'audio';
    const fromAudio = previous === 'audio' && next !== 'audio';
    if ((toAudio && media.audioUrl) || (fromAudio && media.hlsUrl)) {
      const time = player.currentTime();
      const wasPlaying = !player.paused();
      recorder.interrupt(time);
      player.src(sourceOf(toAudio ? media.audioUrl! : media.hlsUrl!));
      player.audioOnlyMode(toAudio);
      player.one('loadedmetadata', () => {
        player.currentTime(time);
        if (wasPlaying) void player.play()?.catch(() => undefined);
      });
      return;
    }
    applyLevels(player.qualityLevels(), next);
  };

  const changeSpeed = (next: number) => {
    setSpeed(next);
    playerRef.current?.playbackRate(next);
  };

  useEffect(() => {
    const player = playerRef.current;
    if (!player) return;
    const sync = () => setSpeed(player.playbackRate());
    player.on('ratechange', sync);
  }, [media.hlsUrl]);

  if (!media.hlsUrl) return <p className="notice notice--warning">{t('learn.player.notReady')}</p>;

  return (
    <div className="player">
      <div ref={holder} className="player__video" data-testid="player" />
      <p id={hintId} className="player__hint">
        {t('learn.player.keys')}
      </p>
      <div className="player__settings">
        <div className="field player__setting">
          <label className="field__label" htmlFor={qualityId}>
            {t('learn.player.quality')}
          </label>
          <select id={qualityId} className="input select" value={quality} onChange={(e) => changeQuality(e.target.value as Quality)}>
            {choices.map((choice) => (
              <option key={choice} value={choice}>
                {qualityLabel(t, choice)}
              </option>
            ))}
          </select>
        </div>
        <div className="field player__setting">
          <label className="field__label" htmlFor={speedId}>
            {t('learn.player.speed')}
          </label>
          <select id={speedId} className="input select" value={String(speed)} onChange={(e) => changeSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {t('learn.player.speedValue', { speed: s.toLocaleString(language) })}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}

function qualityLabel(t: TFunction, choice: Quality): string {
  if (choice === 'auto') return t('learn.player.qualityAuto');
  if (choice === 'saver') return t('learn.player.qualitySaver');
  if (choice === 'audio') return t('learn.player.qualityAudio');
  return t('learn.player.qualityHeight', { height: choice });
}

/** Only the renditions of the chosen quality are enabled (VHS then switches among those). */
function applyLevels(levels: QualityLevelList, quality: Quality): void {
  if (quality === 'audio' || levels.length === 0) return;
  const heights: number[] = [];
  for (let i = 0; i < levels.length; i++) heights.push(levels[i]!.height ?? 0);
  const lowest = Math.min(...heights);
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    const height = level.height ?? 0;
    level.enabled = quality === 'auto' ? true : quality === 'saver' ? height === lowest : height === Number(quality);
  }
}

/** Keyboard use when the player has focus: space/k play, ←/→ seek, f fullscreen, c captions, m mute. */
function handleKey(player: Player, event: KeyboardEvent): void {
  const key = event.key.toLowerCase();
  const target = event.target as HTMLElement | null;
  // Keys typed on a control (a menu, the seek bar) do what that control does.
  if (target && target.closest('.vjs-menu, .vjs-slider') && key !== 'f' && key !== 'c' && key !== 'm') return;
  let handled = true;
  switch (key) {
    case ' ':
    case 'k':
      if (target?.tagName === 'BUTTON' && key === ' ') return;
      if (player.paused()) void player.play()?.catch(() => undefined);
      else player.pause();
      break;
    case 'arrowleft':
      player.currentTime(Math.max(0, player.currentTime() - SEEK_STEP));
      break;
    case 'arrowright':
      player.currentTime(Math.min(player.duration() || Infinity, player.currentTime() + SEEK_STEP));
      break;
    case 'f':
      if (player.isFullscreen()) void player.exitFullscreen();
      else void player.requestFullscreen();
      break;
    case 'm':
      player.muted(!player.muted());
      break;
    case 'c': {
      const tracks = player.textTracks();
      const captions: TextTrackLike[] = [];
      for (let i = 0; i < tracks.length; i++) if (['captions', 'subtitles'].includes(tracks[i]!.kind)) captions.push(tracks[i]!);
      const showing = captions.find((track) => track.mode === 'showing');
      if (showing) showing.mode = 'disabled';
      else if (captions[0]) captions[0].mode = 'showing';
      break;
    }
    default:
      handled = false;
  }
  if (handled) event.preventDefault();
}

export default VideoPlayer;
