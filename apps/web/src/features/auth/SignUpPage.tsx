import { TARGET_GROUPS, type TargetGroupId } from '@hocso/curriculum';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../../api/errors';
import { NEXT_PARAM, paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { PasswordField } from '../../ui/PasswordField';
import { usePageTitle } from '../../ui/usePageTitle';
import { hasErrors, useFormErrors, type FieldErrors } from '../../ui/useFormErrors';
import { describeAccountError, looksLikeEmail, looksLikePhone, NAME_MAX, parseBirthYear, passwordError } from './apiErrors';
import { useSignUp } from './mutations';
import { UnitPicker, type UnitChoice } from './UnitPicker';
import { useReturnPath } from './useReturnPath';

type Method = 'phone' | 'email';
type Field = 'method' | 'phone' | 'email' | 'password' | 'displayName' | 'birthYear' | 'commune' | 'targetGroup';
const FIELD_ORDER: readonly Field[] = ['method', 'phone', 'email', 'password', 'displayName', 'birthYear', 'commune', 'targetGroup'];

/** A group's id is its fieldset; the summary links to its first choice. */
const fieldId = (field: Field) => (field === 'method' || field === 'targetGroup' ? `${field}-0` : field);

/**
 * Sign-up, designed for an elderly person on a phone: one column, large labels above the fields,
 * the phone's own keyboards (autocomplete, inputmode), errors next to each field and summarised at
 * the top, and nothing typed is lost when something is wrong.
 */
export function SignUpPage() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const returnTo = useReturnPath();
  usePageTitle(t('signUp.title'));
  const signUp = useSignUp();
  const errors = useFormErrors<Field>();

  const [method, setMethod] = useState<Method>('phone');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const [unit, setUnit] = useState<UnitChoice>({ communeId: '', villageId: '' });
  const [targetGroup, setTargetGroup] = useState<TargetGroupId | ''>('');

  const validate = (): FieldErrors<Field> => {
    const found: FieldErrors<Field> = {};
    if (method === 'phone') {
      if (!phone.trim()) found.phone = t('validation.phoneRequired');
      else if (!looksLikePhone(phone)) found.phone = t('validation.phoneInvalid');
    } else if (!email.trim()) found.email = t('validation.emailRequired');
    else if (!looksLikeEmail(email)) found.email = t('validation.emailInvalid');
    found.password = passwordError(t, password);
    if (!displayName.trim()) found.displayName = t('validation.displayNameRequired');
    else if (displayName.trim().length > NAME_MAX) found.displayName = t('validation.displayNameInvalid');
    found.birthYear = parseBirthYear(t, birthYear).error;
    if (!targetGroup) found.targetGroup = t('validation.targetGroupRequired');
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (signUp.isPending) return;
    const found = validate();
    if (hasErrors(found)) {
      errors.fail(found);
      return;
    }
    errors.clear();
    const year = parseBirthYear(t, birthYear).year;
    const unitId = unit.villageId || unit.communeId;
    signUp.mutate(
      {
        identifier: method === 'phone' ? phone.trim() : email.trim(),
        password,
        displayName: displayName.trim(),
        ...(year ? { birthYear: year } : {}),
        ...(unitId ? { unitId } : {}),
        ...(targetGroup ? { targetGroup } : {}),
      },
      {
        onSuccess: () => void navigate(returnTo ?? paths.catalog, { replace: true }),
        onError: (error) => {
          if (error instanceof ApiError && error.status === 409) {
            errors.fail({ [method]: t(method === 'phone' ? 'validation.phoneTaken' : 'validation.emailTaken') });
            return;
          }
          const described = describeAccountError(t, error, method);
          const { identifier, unitId: unitError, ...rest } = described.fields;
          errors.fail(
            {
              ...(identifier ? { [method]: identifier } : {}),
              ...(unitError ? { commune: unitError } : {}),
              password: rest.password,
              displayName: rest.displayName,
              birthYear: rest.birthYear,
              targetGroup: rest.targetGroup,
            },
            described.form,
          );
        },
      },
    );
  };

  const fieldErrors = errors.fields;
  return (
    <div className="narrow">
      <h1>{t('signUp.title')}</h1>
      <p className="lead">{t('signUp.intro')}</p>
      <ErrorSummary errors={errors.summary(FIELD_ORDER, fieldId)} formError={errors.form} focusKey={errors.focusKey} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <RadioGroup<Method>
          id="method"
          legend={t('fields.method')}
          small
          inline
          value={method}
          onChange={setMethod}
          choices={[
            { value: 'phone', label: t('fields.methodPhone') },
            { value: 'email', label: t('fields.methodEmail') },
          ]}
        />
        {method === 'phone' ? (
          <TextField
            id="phone"
            label={t('fields.phone')}
            hint={t('fields.phoneHint')}
            error={fieldErrors.phone}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        ) : (
          <TextField
            id="email"
            label={t('fields.email')}
            hint={t('fields.emailHint')}
            error={fieldErrors.email}
            type="email"
            inputMode="email"
            autoComplete="email"
            autoCapitalize="none"
            spellCheck={false}
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
        <PasswordField
          id="password"
          label={t('fields.password')}
          hint={t('fields.passwordRule')}
          error={fieldErrors.password}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <TextField
          id="displayName"
          label={t('fields.displayName')}
          hint={t('fields.displayNameHint')}
          error={fieldErrors.displayName}
          autoComplete="name"
          autoCapitalize="words"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
        <TextField
          id="birthYear"
          label={
            <>
              {t('fields.birthYear')} <span className="field__optional">{t('form.optional')}</span>
            </>
          }
          hint={t('fields.birthYearHint')}
          error={fieldErrors.birthYear}
          className="input--year"
          inputMode="numeric"
          autoComplete="bday-year"
          maxLength={4}
          value={birthYear}
          onChange={(e) => setBirthYear(e.target.value)}
        />
        <UnitPicker value={unit} onChange={setUnit} communeError={fieldErrors.commune} optional />
        <RadioGroup<TargetGroupId>
          id="targetGroup"
          legend={t('fields.targetGroup')}
          hint={t('fields.targetGroupHint')}
          error={fieldErrors.targetGroup}
          value={targetGroup}
          onChange={setTargetGroup}
          choices={TARGET_GROUPS.map((group) => ({ value: group.id, label: group.name[lang] }))}
        />
        <div className="form__actions">
          <Button type="submit" className="button--wide" busy={signUp.isPending} busyLabel={t('signUp.submitting')}>
            {t('signUp.submit')}
          </Button>
        </div>
      </form>
      <p className="form__after">
        {t('signUp.haveAccount')}{' '}
        <Link to={returnTo ? `${paths.signIn}?${NEXT_PARAM}=${encodeURIComponent(returnTo)}` : paths.signIn}>{t('signUp.signInLink')}</Link>
      </p>
    </div>
  );
}
