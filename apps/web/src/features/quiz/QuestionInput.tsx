import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer, AttemptItem } from './api';

interface Props {
  item: AttemptItem;
  answer: Answer | null;
  onChange: (answer: Answer) => void;
  disabled?: boolean;
}

/** The answer control of one item, by kind; every kind works with a keyboard alone. */
export function QuestionInput({ item, answer, onChange, disabled }: Props) {
  const id = `q-${item.itemId}`;
  switch (item.kind) {
    case 'single_choice':
    case 'multiple_choice': {
      const multiple = item.kind === 'multiple_choice';
      const chosen = new Set(answer?.optionIds ?? []);
      return (
        <div className="quiz-choices" role="group" aria-labelledby={`${id}-stem`}>
          {item.options.map((o) => (
            <label key={o.id} className="quiz-choice">
              <input
                type={multiple ? 'checkbox' : 'radio'}
                name={id}
                value={o.id}
                checked={chosen.has(o.id)}
                disabled={disabled}
                onChange={(e) => {
                  if (!multiple) return onChange({ optionIds: [o.id] });
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(o.id);
                  else next.delete(o.id);
                  onChange({ optionIds: item.options.map((x) => x.id).filter((x) => next.has(x)) });
                }}
              />
              <span>
                {o.text}
                {o.mediaUrl ? <img src={o.mediaUrl} alt="" className="quiz-media" /> : null}
              </span>
            </label>
          ))}
        </div>
      );
    }
    case 'true_false':
      return <TrueFalse id={id} answer={answer} onChange={onChange} disabled={disabled} />;
    case 'ordering':
      return <Ordering item={item} answer={answer} onChange={onChange} disabled={disabled} />;
    case 'matching':
      return <Matching item={item} answer={answer} onChange={onChange} disabled={disabled} />;
    case 'short_text':
    case 'numeric':
    case 'free_text':
      return <TextAnswer item={item} answer={answer} onChange={onChange} disabled={disabled} />;
    default:
      return null;
  }
}

function TrueFalse({ id, answer, onChange, disabled }: { id: string; answer: Answer | null; onChange: (a: Answer) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="quiz-choices" role="group" aria-labelledby={`${id}-stem`}>
      {[true, false].map((value) => (
        <label key={String(value)} className="quiz-choice">
          <input type="radio" name={id} checked={answer?.booleanValue === value} disabled={disabled} onChange={() => onChange({ booleanValue: value })} />
          <span>{value ? t('assessment.player.true') : t('assessment.player.false')}</span>
        </label>
      ))}
    </div>
  );
}

function Ordering({ item, answer, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const order = answer?.order?.length === item.options.length ? answer.order : item.options.map((o) => o.id);
  const [announce, setAnnounce] = useState('');
  const text = (id: string) => item.options.find((o) => o.id === id)?.text ?? id;
  const move = (index: number, delta: number) => {
    const next = [...order];
    const [moved] = next.splice(index, 1);
    next.splice(index + delta, 0, moved!);
    onChange({ order: next });
    setAnnounce(t('assessment.player.moved', { text: text(moved!), position: index + delta + 1, total: next.length }));
  };
  return (
    <>
      <ol className="quiz-order">
        {order.map((id, index) => (
          <li key={id} className="quiz-order__row">
            <span className="quiz-order__text">{text(id)}</span>
            <span className="quiz-order__buttons">
              <button type="button" className="button button--secondary" disabled={disabled || index === 0} onClick={() => move(index, -1)} aria-label={t('assessment.player.moveUp', { text: text(id) })}>
                ↑
              </button>
              <button
                type="button"
                className="button button--secondary"
                disabled={disabled || index === order.length - 1}
                onClick={() => move(index, 1)}
                aria-label={t('assessment.player.moveDown', { text: text(id) })}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
    </>
  );
}

function Matching({ item, answer, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const pairs = new Map((answer?.pairs ?? []).map((p) => [p.optionId, p.targetId]));
  return (
    <div className="quiz-matching">
      {item.options.map((o) => {
        const selectId = `m-${item.itemId}-${o.id}`;
        return (
          <div key={o.id} className="field">
            <label className="field__label" htmlFor={selectId}>
              {o.text}
            </label>
            <select
              id={selectId}
              className="input select"
              value={pairs.get(o.id) ?? ''}
              disabled={disabled}
              onChange={(e) => {
                const next = new Map(pairs);
                if (e.target.value) next.set(o.id, e.target.value);
                else next.delete(o.id);
                onChange({ pairs: [...next].map(([optionId, targetId]) => ({ optionId, targetId })) });
              }}
            >
              <option value="">{t('assessment.player.choose')}</option>
              {item.targets.map((target) => (
                <option key={target.id} value={target.id}>
                  {target.text}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </div>
  );
}

function TextAnswer({ item, answer, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const initial = item.kind === 'numeric' ? (answer?.numberValue !== undefined ? String(answer.numberValue) : '') : (answer?.text ?? '');
  const [value, setValue] = useState(initial);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (text: string) => {
    clearTimeout(timer.current);
    if (item.kind === 'numeric') {
      const n = Number(text.replace(',', '.'));
      if (text.trim() !== '' && Number.isFinite(n)) onChange({ numberValue: n });
    } else onChange({ text });
  };
  const id = `a-${item.itemId}`;
  const common = {
    id,
    className: 'input',
    value,
    disabled,
    onChange: (e: { target: { value: string } }) => {
      setValue(e.target.value);
      clearTimeout(timer.current);
      const text = e.target.value;
      timer.current = setTimeout(() => commit(text), 700);
    },
    onBlur: () => commit(value),
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('assessment.player.yourAnswer')}
      </label>
      {item.kind === 'free_text' ? (
        <textarea {...common} rows={5} />
      ) : (
        <input {...common} type="text" inputMode={item.kind === 'numeric' ? 'decimal' : 'text'} autoComplete="off" />
      )}
    </div>
  );
}
