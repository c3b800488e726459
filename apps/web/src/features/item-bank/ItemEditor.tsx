import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/errors';
import { Button } from '../../ui/Button';
import type { ItemKind } from '../quiz/api';
import { ITEM_KINDS, useSaveItem, type AuthorItem, type ItemInput, type OptionInput } from './api';

const letters = 'abcdefghijkl';
const blankOptions = (n: number, prefix = ''): OptionInput[] => Array.from({ length: n }, (_, i) => ({ id: `${prefix}${letters[i]}`, text: '' }));

/** Writes or edits one item of the bank; the API checks the mapping and the key and names each faulty field. */
export function ItemEditor({ item, onDone }: { item?: AuthorItem; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveItem();
  const [kind, setKind] = useState<ItemKind>(item?.kind ?? 'single_choice');
  const [competencyRef, setRef] = useState(item?.competencyRef ?? 'vn-757-2025:1.1');
  const [level, setLevel] = useState(String(item?.level ?? 1));
  const [stem, setStem] = useState(item?.stem ?? '');
  const [mediaUrl, setMediaUrl] = useState(item?.mediaUrl ?? '');
  const [options, setOptions] = useState<OptionInput[]>(item?.options?.length ? item.options : blankOptions(3));
  const [targets, setTargets] = useState<OptionInput[]>(item?.targets?.length ? item.targets : blankOptions(3, 't'));
  const [correct, setCorrect] = useState<string[]>(item?.correctOptionIds ?? []);
  const [correctBoolean, setCorrectBoolean] = useState<boolean>(item?.correctBoolean ?? true);
  const [pairs, setPairs] = useState<Record<string, string>>(Object.fromEntries((item?.pairs ?? []).map((p) => [p.optionId, p.targetId])));
  const [accepted, setAccepted] = useState((item?.acceptedAnswers ?? []).join('\n'));
  const [accentInsensitive, setAccentInsensitive] = useState(item?.accentInsensitive ?? true);
  const [numericValue, setNumericValue] = useState(item?.numericValue !== undefined ? String(item.numericValue) : '');
  const [tolerance, setTolerance] = useState(String(item?.tolerance ?? 0));
  const [rubric, setRubric] = useState(item?.rubric ?? '');
  const [explanation, setExplanation] = useState(item?.explanation ?? '');
  const errors = save.error instanceof ApiError ? save.error.details : [];
  const errorOf = (field: string) => errors.find((e) => e.field === field || e.field.startsWith(`${field}[`) || e.field.startsWith(`${field}.`))?.message;

  const usesOptions = ['single_choice', 'multiple_choice', 'ordering', 'matching'].includes(kind);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: ItemInput = { kind, competencyRef: competencyRef.trim(), level: Number(level), stem, mediaUrl: mediaUrl.trim() || null, explanation: explanation.trim() || null };
    if (usesOptions) input.options = options.filter((o) => o.text.trim());
    if (kind === 'single_choice' || kind === 'multiple_choice') input.correctOptionIds = correct;
    if (kind === 'true_false') input.correctBoolean = correctBoolean;
    if (kind === 'matching') {
      input.targets = targets.filter((o) => o.text.trim());
      input.pairs = Object.entries(pairs).map(([optionId, targetId]) => ({ optionId, targetId }));
    }
    if (kind === 'short_text') {
      input.acceptedAnswers = accepted.split('\n').map((a) => a.trim()).filter(Boolean);
      input.accentInsensitive = accentInsensitive;
    }
    if (kind === 'numeric') {
      input.numericValue = Number(numericValue.replace(',', '.'));
      input.tolerance = Number(tolerance.replace(',', '.')) || 0;
    }
    if (kind === 'free_text') input.rubric = rubric;
    save.mutate({ id: item?.id, input }, { onSuccess: onDone });
  };

  const field = (id: string, label: string, control: React.ReactNode, error?: string, hint?: string) => (
    <div className={error ? 'field field--error' : 'field'}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {control}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );

  return (
    <form className="item-editor" onSubmit={submit} noValidate aria-labelledby="item-editor-title">
      <h2 id="item-editor-title">{item ? t('assessment.bank.editTitle') : t('assessment.bank.newTitle')}</h2>
      {save.isError ? (
        <div className="notice notice--warning" role="alert">
          <p>{t('assessment.bank.saveError')}</p>
          <ul>
            {errors.map((e, i) => (
              <li key={i}>
                {e.field}: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {field(
        'item-kind',
        t('assessment.bank.kind'),
        <select id="item-kind" className="input select" value={kind} onChange={(e) => setKind(e.target.value as ItemKind)}>
          {ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`assessment.kinds.${k}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        'item-ref',
        t('assessment.bank.competency'),
        <input id="item-ref" className="input" value={competencyRef} onChange={(e) => setRef(e.target.value)} aria-describedby="item-ref-hint" />,
        errorOf('competencyRef'),
        t('assessment.bank.competencyHint'),
      )}
      {field('item-level', t('assessment.bank.level'), <input id="item-level" className="input" inputMode="numeric" value={level} onChange={(e) => setLevel(e.target.value)} />, errorOf('level'))}
      {field('item-stem', t('assessment.bank.stem'), <textarea id="item-stem" className="input" rows={4} value={stem} onChange={(e) => setStem(e.target.value)} />, errorOf('stem'))}
      {field(
        'item-media',
        t('assessment.bank.mediaUrl'),
        <input id="item-media" className="input" value={mediaUrl} onChange={(e) => setMediaUrl(e.target.value)} aria-describedby="item-media-hint" />,
        errorOf('mediaUrl'),
        t('assessment.bank.mediaHint'),
      )}

      {usesOptions ? (
        <fieldset className="item-editor__options">
          <legend>{kind === 'ordering' ? t('assessment.bank.steps') : kind === 'matching' ? t('assessment.bank.prompts') : t('assessment.bank.options')}</legend>
          {errorOf('options') ? <p className="field__error">{errorOf('options')}</p> : null}
          {options.map((o, i) => (
            <div key={o.id} className="item-editor__option">
              <label className="field__label" htmlFor={`opt-${o.id}`}>
                {t('assessment.bank.option', { number: i + 1 })}
              </label>
              <input id={`opt-${o.id}`} className="input" value={o.text} onChange={(e) => setOptions(options.map((x) => (x.id === o.id ? { ...x, text: e.target.value } : x)))} />
              {kind === 'single_choice' || kind === 'multiple_choice' ? (
                <label className="quiz-choice">
                  <input
                    type={kind === 'single_choice' ? 'radio' : 'checkbox'}
                    name="correct"
                    checked={correct.includes(o.id)}
                    onChange={(e) => setCorrect(kind === 'single_choice' ? [o.id] : e.target.checked ? [...correct, o.id] : correct.filter((c) => c !== o.id))}
                  />
                  <span>{t('assessment.bank.correct')}</span>
                </label>
              ) : null}
              {kind === 'matching' ? (
                <>
                  <label className="field__label" htmlFor={`pair-${o.id}`}>
                    {t('assessment.bank.matchesTarget')}
                  </label>
                  <select id={`pair-${o.id}`} className="input select" value={pairs[o.id] ?? ''} onChange={(e) => setPairs({ ...pairs, [o.id]: e.target.value })}>
                    <option value="">{t('assessment.player.choose')}</option>
                    {targets.map((tg, n) => (
                      <option key={tg.id} value={tg.id}>
                        {tg.text || t('assessment.bank.target', { number: n + 1 })}
                      </option>
                    ))}
                  </select>
                </>
              ) : null}
            </div>
          ))}
          {errorOf('correctOptionIds') ? <p className="field__error">{errorOf('correctOptionIds')}</p> : null}
          {options.length < 12 ? (
            <Button variant="secondary" onClick={() => setOptions([...options, { id: `${letters[options.length]}${Date.now() % 1000}`, text: '' }])}>
              {t('assessment.bank.addOption')}
            </Button>
          ) : null}
        </fieldset>
      ) : null}

      {kind === 'matching' ? (
        <fieldset className="item-editor__options">
          <legend>{t('assessment.bank.targets')}</legend>
          {errorOf('targets') || errorOf('pairs') ? <p className="field__error">{errorOf('targets') ?? errorOf('pairs')}</p> : null}
          {targets.map((o, i) => (
            <div key={o.id} className="item-editor__option">
              <label className="field__label" htmlFor={`tgt-${o.id}`}>
                {t('assessment.bank.target', { number: i + 1 })}
              </label>
              <input id={`tgt-${o.id}`} className="input" value={o.text} onChange={(e) => setTargets(targets.map((x) => (x.id === o.id ? { ...x, text: e.target.value } : x)))} />
            </div>
          ))}
        </fieldset>
      ) : null}

      {kind === 'true_false' ? (
        <fieldset>
          <legend>{t('assessment.bank.statementIs')}</legend>
          {[true, false].map((v) => (
            <label key={String(v)} className="quiz-choice">
              <input type="radio" name="tf" checked={correctBoolean === v} onChange={() => setCorrectBoolean(v)} />
              <span>{v ? t('assessment.player.true') : t('assessment.player.false')}</span>
            </label>
          ))}
        </fieldset>
      ) : null}

      {kind === 'short_text' ? (
        <>
          {field(
            'item-accepted',
            t('assessment.bank.accepted'),
            <textarea id="item-accepted" className="input" rows={3} value={accepted} onChange={(e) => setAccepted(e.target.value)} aria-describedby="item-accepted-hint" />,
            errorOf('acceptedAnswers'),
            t('assessment.bank.acceptedHint'),
          )}
          <label className="quiz-choice">
            <input type="checkbox" checked={accentInsensitive} onChange={(e) => setAccentInsensitive(e.target.checked)} />
            <span>{t('assessment.bank.accentInsensitive')}</span>
          </label>
        </>
      ) : null}

      {kind === 'numeric' ? (
        <>
          {field('item-number', t('assessment.bank.numericValue'), <input id="item-number" className="input" inputMode="decimal" value={numericValue} onChange={(e) => setNumericValue(e.target.value)} />, errorOf('numericValue'))}
          {field('item-tolerance', t('assessment.bank.tolerance'), <input id="item-tolerance" className="input" inputMode="decimal" value={tolerance} onChange={(e) => setTolerance(e.target.value)} />, errorOf('tolerance'))}
        </>
      ) : null}

      {kind === 'free_text' ? field('item-rubric', t('assessment.bank.rubric'), <textarea id="item-rubric" className="input" rows={3} value={rubric} onChange={(e) => setRubric(e.target.value)} />) : null}
      {field('item-explanation', t('assessment.bank.explanation'), <textarea id="item-explanation" className="input" rows={3} value={explanation} onChange={(e) => setExplanation(e.target.value)} />)}

      <p className="button-row">
        <Button type="submit" busy={save.isPending} busyLabel={t('assessment.bank.saving')}>
          {t('assessment.bank.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('assessment.player.cancel')}
        </Button>
      </p>
    </form>
  );
}
