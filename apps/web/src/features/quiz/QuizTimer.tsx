import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ANNOUNCE_AT = [600, 300, 60, 0];

/** Time left, shown every second; announced politely to screen readers only at 10, 5 and 1 minute(s) and at the end. */
export function QuizTimer({ deadlineAt, serverNow, onExpired }: { deadlineAt: string; serverNow: string; onExpired: () => void }) {
  const { t } = useTranslation();
  // the server's clock decides; the offset corrects a device clock that is wrong
  const offset = useRef(Date.parse(serverNow) - Date.now());
  const left = () => Math.max(0, Math.round((Date.parse(deadlineAt) - (Date.now() + offset.current)) / 1000));
  const [seconds, setSeconds] = useState(left);
  const [announcement, setAnnouncement] = useState('');
  const announced = useRef(new Set<number>(ANNOUNCE_AT.filter((s) => s > left())));
  useEffect(() => {
    const timer = setInterval(() => {
      const s = left();
      setSeconds(s);
      for (const mark of ANNOUNCE_AT) {
        if (s <= mark && !announced.current.has(mark)) {
          announced.current.add(mark);
          setAnnouncement(mark === 0 ? t('assessment.timer.over') : t('assessment.timer.minutesLeft', { count: Math.round(mark / 60) }));
          if (mark === 0) onExpired();
        }
      }
    }, 1000);
    return () => clearInterval(timer);
  }, [deadlineAt]);
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  const ss = String(seconds % 60).padStart(2, '0');
  return (
    <>
      <p className={seconds <= 60 ? 'quiz__timer quiz__timer--low' : 'quiz__timer'} role="timer" aria-live="off">
        {t('assessment.timer.label')} <span aria-hidden="true">{mm}:{ss}</span>
        <span className="visually-hidden">{t('assessment.timer.spoken', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })}</span>
      </p>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}
