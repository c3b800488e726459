import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { phoneStreamUrl, type AttendeeQuestion } from './api';
import { optionLetter, useOptionText } from './LiveTally';
import { OutboxStatus } from './OutboxStatus';
import { useOutboxItems, type Outbox } from './outbox';
import { useEventSource } from './useEventSource';

interface Chosen {
  questionId: string;
  optionIds: string[];
  clientId: string;
}

/**
 * The live question on a phone: big buttons (one tap answers a single-choice or true/false item;
 * several boxes then "Gửi" for a multiple-choice one), then "Đã ghi nhận câu trả lời". The answer
 * goes through the outbox, so one given without network is sent when it returns, once.
 */
export function LiveAnswerPanel({ classId, initial, outbox }: { classId: string; initial: AttendeeQuestion | null; outbox: Outbox }) {
  const { t } = useTranslation();
  const optionText = useOptionText();
  const [question, setQuestion] = useState<AttendeeQuestion | null>(initial);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [sent, setSent] = useState<Set<string>>(() => new Set());
  const [multi, setMulti] = useState<string[]>([]);
  const pending = useOutboxItems(outbox);
  const groupId = useId();

  useEffect(() => setQuestion((current) => (initial && (!current || current.id !== initial.id || initial.myAnswer) ? initial : current)), [initial]);
  useEffect(() => outbox.onSent((item) => setSent((s) => new Set(s).add(item.id))), [outbox]);

  useEventSource(phoneStreamUrl(classId), {
    question: (data) => {
      const q = data as AttendeeQuestion;
      setQuestion(q);
      setMulti([]);
    },
    closed: (data) => {
      const { questionId } = data as { questionId: string };
      setQuestion((current) => (current && current.id === questionId ? { ...current, closedAt: new Date().toISOString() } : current));
    },
  });

  const answer = async (optionIds: string[]) => {
    if (!question || optionIds.length === 0) return;
    const clientId = await outbox.enqueue({ kind: 'answer', classId, questionId: question.id, optionIds });
    setChosen({ questionId: question.id, optionIds, clientId });
  };

  if (!question) {
    return (
      <section className="live-answer" aria-labelledby={`${groupId}-title`}>
        <h2 id={`${groupId}-title`}>{t('community.answer.title')}</h2>
        <p role="status">{t('community.answer.none')}</p>
      </section>
    );
  }

  const mine = chosen && chosen.questionId === question.id ? chosen : null;
  const given = mine?.optionIds ?? question.myAnswer;
  const waiting = mine ? pending.some((p) => p.id === mine.clientId) : false;
  const recorded = (mine && sent.has(mine.clientId)) || (!mine && !!question.myAnswer);
  const closed = !!question.closedAt;

  return (
    <section className="live-answer" aria-labelledby={`${groupId}-title`} data-testid="live-answer">
      <h2 id={`${groupId}-title`}>{t('community.answer.title')}</h2>
      {/* The stem is sanitised HTML from the item bank. */}
      <div className="live-answer__stem" dangerouslySetInnerHTML={{ __html: question.stem }} />
      {given ? (
        <div className="live-answer__done">
          <p className="live-answer__given">
            {t('community.answer.yours', {
              answer: question.options
                .map((o, i) => (given.includes(o.id) ? `${optionLetter(i)}. ${optionText(o)}` : null))
                .filter(Boolean)
                .join(', '),
            })}
          </p>
          <p role="status" className="live-answer__status" data-testid="answer-status" data-recorded={recorded || undefined}>
            {recorded ? t('community.answer.recorded') : waiting ? t('community.answer.waiting') : t('community.answer.sending')}
          </p>
        </div>
      ) : closed ? (
        <p role="status">{t('community.answer.closed')}</p>
      ) : question.kind === 'multiple_choice' ? (
        <fieldset className="live-answer__choices">
          <legend className="field__label">{t('community.answer.chooseMany')}</legend>
          {question.options.map((o, i) => (
            <div key={o.id} className="live-answer__check">
              <input
                id={`${groupId}-${o.id}`}
                type="checkbox"
                checked={multi.includes(o.id)}
                onChange={(e) => setMulti((m) => (e.target.checked ? [...m, o.id] : m.filter((x) => x !== o.id)))}
              />
              <label htmlFor={`${groupId}-${o.id}`}>
                <span className="live-answer__letter">{optionLetter(i)}</span> {optionText(o)}
              </label>
            </div>
          ))}
          <Button className="live-answer__send" onClick={() => void answer(multi)} aria-disabled={multi.length === 0 || undefined}>
            {t('community.answer.send')}
          </Button>
        </fieldset>
      ) : (
        <ul className="live-answer__buttons" role="list">
          {question.options.map((o, i) => (
            <li key={o.id}>
              <button type="button" className="live-answer__button" onClick={() => void answer([o.id])}>
                <span className="live-answer__letter" aria-hidden="true">
                  {optionLetter(i)}
                </span>
                <span>
                  <span className="visually-hidden">{t('community.live.option', { letter: optionLetter(i) })} </span>
                  {optionText(o)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <OutboxStatus outbox={outbox} />
    </section>
  );
}
