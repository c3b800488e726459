import { useEffect, useId, useRef, useState } from 'react';
import { useMediaT } from './useMediaT';
import { Upload, type DetailedError } from 'tus-js-client';
import { CSRF_HEADER } from '../../api/client';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { useMe } from '../auth/session';
import { DEFAULT_MAX_UPLOAD_BYTES, formatSize, UPLOADS_ENDPOINT } from './api';

type Phase = 'idle' | 'uploading' | 'paused' | 'error' | 'done';

interface VideoUploadProps {
  /** Called once with the new asset's id when the last byte is accepted (transcoding then starts). */
  onUploaded: (assetId: string) => void;
  /** Checked before sending; the server's limit (MEDIA_MAX_UPLOAD_BYTES) is what counts. */
  maxBytes?: number;
  /** 5 MiB chunks by default: a lost connection costs at most one chunk. */
  chunkSize?: number;
}

/** Resumable video upload (tus): progress bar with text, pause/resume, retry, translated refusals. */
export function VideoUpload({ onUploaded, maxBytes = DEFAULT_MAX_UPLOAD_BYTES, chunkSize = 5 * 1024 * 1024 }: VideoUploadProps) {
  const t = useMediaT();
  const language = useLanguage();
  const id = useId();
  const me = useMe();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [sent, setSent] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const upload = useRef<Upload | null>(null);
  const onUploadedRef = useRef(onUploaded);
  onUploadedRef.current = onUploaded;

  useEffect(() => () => void upload.current?.abort(), []);

  const total = file?.size ?? 0;
  const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
  const max = formatSize(maxBytes, language);

  const explain = (error: Error): string => {
    const response = (error as DetailedError).originalResponse;
    const status = response?.getStatus() ?? 0;
    let serverMessage = '';
    try {
      serverMessage = (JSON.parse(response?.getBody() ?? '') as { message?: string }).message ?? '';
    } catch {
      serverMessage = response?.getBody() ?? '';
    }
    if (status === 413) return t('media.upload.tooLarge', { size: formatSize(total, language), max });
    if (status === 415) return t('media.upload.notVideo');
    if (status === 401 || status === 403) return t('media.upload.signIn');
    if (status === 422) return t('media.upload.refused', { message: serverMessage });
    if (!response || status === 0) return t('media.upload.network');
    return t('media.upload.failed', { message: serverMessage || `HTTP ${status}` });
  };

  const start = (resume: boolean) => {
    if (!file) {
      setMessage(t('media.upload.chooseFirst'));
      setPhase('error');
      return;
    }
    if (file.size > maxBytes) {
      setMessage(t('media.upload.tooLarge', { size: formatSize(file.size, language), max }));
      setPhase('error');
      return;
    }
    setMessage(null);
    if (!resume || !upload.current) {
      upload.current = new Upload(file, {
        endpoint: UPLOADS_ENDPOINT,
        chunkSize,
        retryDelays: [0, 2000, 5000, 10000, 20000],
        removeFingerprintOnSuccess: true,
        metadata: { filename: file.name, filetype: file.type },
        headers: me.data?.csrfToken ? { [CSRF_HEADER]: me.data.csrfToken } : {},
        onProgress: (bytes) => setSent(bytes),
        onError: (error) => {
          setMessage(explain(error));
          setPhase('error');
        },
        onSuccess: () => {
          setPhase('done');
          const assetId = upload.current?.url?.split('/').pop();
          if (assetId) onUploadedRef.current(assetId);
        },
        // Refusals (size, type, rights) are final; only network and server errors are retried.
        onShouldRetry: (error) => {
          const status = (error as DetailedError).originalResponse?.getStatus() ?? 0;
          return status === 0 || status >= 500 || status === 409 || status === 423;
        },
      });
      // Continue an earlier upload of the same file (e.g. after a reload) when the server still has it.
      void upload.current.findPreviousUploads().then((previous) => {
        if (previous[0]) upload.current?.resumeFromPreviousUpload(previous[0]);
        upload.current?.start();
      });
    } else {
      upload.current.start();
    }
    setPhase('uploading');
  };

  const pause = () => {
    void upload.current?.abort();
    setPhase('paused');
  };

  const busy = phase === 'uploading';
  return (
    <div className="video-upload">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-file`}>
          {t('media.upload.label')}
        </label>
        <p id={`${id}-hint`} className="field__hint">
          {t('media.upload.hint', { max })}
        </p>
        <input
          id={`${id}-file`}
          type="file"
          accept="video/*,.mp4,.webm,.mkv,.mov,.avi"
          aria-describedby={`${id}-hint`}
          disabled={busy}
          onChange={(event) => {
            void upload.current?.abort();
            upload.current = null;
            setFile(event.target.files?.[0] ?? null);
            setSent(0);
            setPhase('idle');
            setMessage(null);
          }}
        />
      </div>
      {phase !== 'idle' && file ? (
        <div className="video-upload__progress">
          <progress id={`${id}-progress`} max={100} value={percent} aria-describedby={`${id}-status`} aria-label={t('media.upload.label')} />
          <p id={`${id}-status`} role="status" aria-live="polite">
            {phase === 'done'
              ? t('media.upload.done')
              : phase === 'paused'
                ? t('media.upload.paused', { percent })
                : t('media.upload.progress', { percent, sent: formatSize(sent, language), total: formatSize(total, language) })}
          </p>
        </div>
      ) : null}
      {message ? (
        <p className="video-upload__error field__error" role="alert">
          {message}
        </p>
      ) : null}
      <div className="button-row">
        {phase === 'idle' ? (
          <Button onClick={() => start(false)}>{t('media.upload.start')}</Button>
        ) : null}
        {phase === 'uploading' ? (
          <Button variant="secondary" onClick={pause}>
            {t('media.upload.pause')}
          </Button>
        ) : null}
        {phase === 'paused' ? <Button onClick={() => start(true)}>{t('media.upload.resume')}</Button> : null}
        {phase === 'error' ? <Button onClick={() => start(!!upload.current)}>{t('media.upload.retry')}</Button> : null}
      </div>
    </div>
  );
}
