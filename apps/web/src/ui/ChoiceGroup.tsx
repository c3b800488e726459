import type { ReactNode } from 'react';
import { FieldError } from './Field';

export interface Choice<V extends string> {
  value: V;
  label: ReactNode;
  hint?: ReactNode;
  /** Language of the label when it differs from the page's. */
  lang?: string;
}

interface ChoiceGroupBase<V extends string> {
  /** Used for the group (the error summary links to the first choice: `${id}-0`). */
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  choices: readonly Choice<V>[];
  /** A smaller legend, for groups inside a page with its own heading. */
  small?: boolean;
  /** Short choices side by side (they wrap on a narrow screen). */
  inline?: boolean;
}

type RadioGroupProps<V extends string> = ChoiceGroupBase<V> & {
  value: V | '' | null | undefined;
  onChange: (value: V) => void;
  required?: boolean;
};

/** Radio buttons in a fieldset; the whole row (large target) selects. */
export function RadioGroup<V extends string>(props: RadioGroupProps<V>) {
  const { id, value, onChange, required } = props;
  return (
    <Group {...props}>
      {props.choices.map((choice, index) => (
        <ChoiceRow key={choice.value} groupId={id} index={index} choice={choice}>
          <input
            id={`${id}-${index}`}
            type="radio"
            name={id}
            value={choice.value}
            checked={value === choice.value}
            required={required}
            aria-describedby={choice.hint ? `${id}-${index}-hint` : undefined}
            onChange={() => onChange(choice.value)}
          />
        </ChoiceRow>
      ))}
    </Group>
  );
}

type CheckboxGroupProps<V extends string> = ChoiceGroupBase<V> & {
  values: readonly V[];
  onChange: (values: V[]) => void;
};

export function CheckboxGroup<V extends string>(props: CheckboxGroupProps<V>) {
  const { id, values, onChange, choices } = props;
  return (
    <Group {...props}>
      {choices.map((choice, index) => (
        <ChoiceRow key={choice.value} groupId={id} index={index} choice={choice}>
          <input
            id={`${id}-${index}`}
            type="checkbox"
            name={id}
            value={choice.value}
            checked={values.includes(choice.value)}
            aria-describedby={choice.hint ? `${id}-${index}-hint` : undefined}
            onChange={(event) =>
              onChange(
                // keep the order of the choices
                choices.map((c) => c.value).filter((v) => (v === choice.value ? event.target.checked : values.includes(v))),
              )
            }
          />
        </ChoiceRow>
      ))}
    </Group>
  );
}

function Group<V extends string>({ id, legend, hint, error, small, inline, children }: ChoiceGroupBase<V> & { children: ReactNode }) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <fieldset className={inline ? 'choices choices--inline' : 'choices'} id={id} aria-describedby={described || undefined}>
        <legend className={small ? 'field__label' : 'field__label field__legend'}>{legend}</legend>
        {hint ? (
          <p id={`${id}-hint`} className="field__hint">
            {hint}
          </p>
        ) : null}
        {error ? <FieldError id={id} message={error} /> : null}
        <div className="choices__list">{children}</div>
      </fieldset>
    </div>
  );
}

function ChoiceRow<V extends string>({ groupId, index, choice, children }: { groupId: string; index: number; choice: Choice<V>; children: ReactNode }) {
  return (
    <div className="choice">
      {children}
      <label className="choice__label" htmlFor={`${groupId}-${index}`} lang={choice.lang}>
        {choice.label}
      </label>
      {choice.hint ? (
        <p id={`${groupId}-${index}-hint`} className="choice__hint field__hint">
          {choice.hint}
        </p>
      ) : null}
    </div>
  );
}
