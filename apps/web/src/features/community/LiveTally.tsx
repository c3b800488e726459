import { useTranslation } from 'react-i18next';
import type { LiveOption, LiveQuestion, LiveTally as Tally } from './api';

export const optionLetter = (index: number) => String.fromCharCode(65 + index);

/** A true/false item's options have no text: "Đúng" / "Sai". */
export function useOptionText() {
  const { t } = useTranslation();
  return (option: LiveOption) => (option.id === 'true' && !option.text ? t('community.live.true') : option.id === 'false' && !option.text ? t('community.live.false') : option.text);
}

/**
 * The live question on the projector: the stem, each option with a bar and its number (the number
 * is text, so it reads without the bar), and a polite live region that says how many answered.
 */
export function LiveTally({ question, tally }: { question: LiveQuestion; tally: Tally }) {
  const { t } = useTranslation();
  const optionText = useOptionText();
  const countOf = (optionId: string) => tally.counts.find((c) => c.optionId === optionId)?.count ?? 0;
  const max = Math.max(1, ...question.options.map((o) => countOf(o.id)));
  const correct = new Set(question.correctOptionIds ?? []);
  const summary = question.options.map((o, i) => `${optionLetter(i)}: ${countOf(o.id)}`).join(', ');
  return (
    <section className="live-tally" aria-labelledby="live-question-title" data-testid="live-tally" data-total={tally.total}>
      <h2 id="live-question-title" className="live-tally__label">
        {question.closedAt ? t('community.live.closedTitle') : t('community.live.openTitle')}
      </h2>
      {/* The stem is sanitised HTML from the item bank. */}
      <div className="live-tally__stem" dangerouslySetInnerHTML={{ __html: question.stem }} />
      <ol className="live-tally__options" role="list">
        {question.options.map((option, index) => {
          const count = countOf(option.id);
          const isCorrect = correct.has(option.id);
          return (
            <li key={option.id} className={isCorrect ? 'live-tally__option live-tally__option--correct' : 'live-tally__option'} data-option={option.id} data-count={count}>
              <span className="live-tally__letter" aria-hidden="true">
                {optionLetter(index)}
              </span>
              <span className="live-tally__text">
                <span className="visually-hidden">{t('community.live.option', { letter: optionLetter(index) })} </span>
                {optionText(option)}
                {isCorrect ? <span className="live-tally__correct"> — {t('community.live.correct')}</span> : null}
              </span>
              <span className="live-tally__bar" aria-hidden="true">
                <span className="live-tally__fill" style={{ width: `${(count / max) * 100}%` }} />
              </span>
              <span className="live-tally__count">{t('community.live.count', { count })}</span>
            </li>
          );
        })}
      </ol>
      <p className="live-tally__total" aria-live="polite" aria-atomic="true">
        {t('community.live.total', { count: tally.total })}
        <span className="visually-hidden"> ({summary})</span>
      </p>
    </section>
  );
}
