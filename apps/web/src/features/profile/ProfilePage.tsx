import { AUDIENCES, TARGET_GROUPS, type AudienceId, type TargetGroupId } from '@hocso/curriculum';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../api/client';
import { paths } from '../../app/paths';
import { useLanguage } from '../../i18n';
import { Button } from '../../ui/Button';
import { CheckboxGroup, RadioGroup } from '../../ui/ChoiceGroup';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { TextField } from '../../ui/Field';
import { LoadingState } from '../../ui/LoadingState';
import { usePageTitle } from '../../ui/usePageTitle';
import { hasErrors, useFormErrors, type FieldErrors } from '../../ui/useFormErrors';
import { describeAccountError, NAME_MAX, parseBirthYear } from '../auth/apiErrors';
import { formatPhone } from '../auth/format';
import { nationalIdStartUrl, useAuthProviders } from '../auth/mutations';
import { OidcErrorNotice } from '../auth/OidcErrorNotice';
import { useMe, useSignOut, useUpdateProfile } from '../auth/session';
import { UnitPicker, type UnitChoice } from '../auth/UnitPicker';
import { DisplayPreferencesForm } from './DisplayPreferencesForm';

type Field = 'displayName' | 'birthYear' | 'commune' | 'targetGroup' | 'audiences';
const FIELD_ORDER: readonly Field[] = ['displayName', 'birthYear', 'commune', 'targetGroup', 'audiences'];
const fieldId = (field: Field) => (field === 'targetGroup' || field === 'audiences' ? `${field}-0` : field);

/** The signed-in person's account: details, display preferences, national ID, sign out. */
export function ProfilePage() {
  const { t } = useTranslation();
  usePageTitle(t('profile.title'));
  const me = useMe();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t('profile.title')}</h1>
      <OidcErrorNotice code={params.get('oidcError')} />
      {me.data ? (
        <div className="narrow">
          <DetailsForm key={me.data.id} me={me.data} />
          <section className="panel" aria-labelledby="display-title">
            <DisplayPreferencesForm />
          </section>
          <NationalIdSection me={me.data} />
          <SignOutSection />
        </div>
      ) : (
        <LoadingState label={t('status.loading')} />
      )}
    </>
  );
}

function DetailsForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const update = useUpdateProfile();
  const errors = useFormErrors<Field>();
  const [displayName, setDisplayName] = useState(me.displayName);
  const [birthYear, setBirthYear] = useState(me.birthYear ? String(me.birthYear) : '');
  const [unit, setUnit] = useState<UnitChoice>(() => unitChoiceOf(me));
  const [targetGroup, setTargetGroup] = useState<TargetGroupId | ''>(me.targetGroup ?? '');
  const [audiences, setAudiences] = useState<AudienceId[]>(me.audiences);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (update.isPending) return;
    const found: FieldErrors<Field> = {};
    if (!displayName.trim()) found.displayName = t('validation.displayNameRequired');
    else if (displayName.trim().length > NAME_MAX) found.displayName = t('validation.displayNameInvalid');
    const year = parseBirthYear(t, birthYear);
    found.birthYear = year.error;
    if (hasErrors(found)) {
      errors.fail(found);
      return;
    }
    errors.clear();
    const unitId = unit.villageId || unit.communeId;
    update.mutate(
      {
        displayName: displayName.trim(),
        birthYear: year.year ?? null,
        // Cleared pickers clear the place, unless it is one they cannot show (above a commune).
        ...(unitId ? { unitId } : me.unit?.communeId ? { unitId: null } : {}),
        ...(targetGroup ? { targetGroup } : {}),
        audiences,
      },
      {
        onError: (error) => {
          const described = describeAccountError(t, error);
          const f = described.fields;
          errors.fail(
            { displayName: f.displayName, birthYear: f.birthYear, commune: f.unitId, targetGroup: f.targetGroup, audiences: f.audiences },
            described.form,
          );
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby="details-title">
      <h2 id="details-title">{t('profile.details')}</h2>
      <dl className="facts">
        <div>
          <dt>{t('fields.phone')}</dt>
          <dd>{me.phone ? formatPhone(me.phone) : t('profile.noIdentifier')}</dd>
        </div>
        <div>
          <dt>{t('fields.email')}</dt>
          <dd>{me.email ?? t('profile.noIdentifier')}</dd>
        </div>
        <div>
          <dt>{t('profile.livesIn')}</dt>
          <dd>{placeOf(me) ?? t('profile.noIdentifier')}</dd>
        </div>
      </dl>
      <ErrorSummary errors={errors.summary(FIELD_ORDER, fieldId)} formError={errors.form} focusKey={errors.focusKey} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id="displayName"
          label={t('fields.displayName')}
          hint={t('fields.displayNameHint')}
          error={errors.fields.displayName}
          autoComplete="name"
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
          error={errors.fields.birthYear}
          className="input--year"
          inputMode="numeric"
          autoComplete="bday-year"
          maxLength={4}
          value={birthYear}
          onChange={(e) => setBirthYear(e.target.value)}
        />
        <UnitPicker value={unit} onChange={setUnit} communeError={errors.fields.commune} optional />
        <RadioGroup<TargetGroupId>
          id="targetGroup"
          legend={t('fields.targetGroup')}
          small
          error={errors.fields.targetGroup}
          value={targetGroup}
          onChange={setTargetGroup}
          choices={TARGET_GROUPS.map((group) => ({ value: group.id, label: group.name[lang] }))}
        />
        <CheckboxGroup<AudienceId>
          id="audiences"
          legend={t('fields.audiences')}
          hint={t('fields.audiencesHint')}
          small
          error={errors.fields.audiences}
          values={audiences}
          onChange={setAudiences}
          choices={AUDIENCES.map((audience) => ({ value: audience.id, label: audience.name[lang] }))}
        />
        <div className="form__actions">
          <Button type="submit" busy={update.isPending} busyLabel={t('form.saving')}>
            {t('profile.save')}
          </Button>
        </div>
        <div role="status" className="form__status">
          {update.isSuccess ? (
            <p className="notice">
              {t('profile.saved')}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function NationalIdSection({ me }: { me: Me }) {
  const { t } = useTranslation();
  const providers = useAuthProviders();
  if (!me.nationalIdLinked && !providers.data?.nationalId) return null;
  return (
    <section className="panel" aria-labelledby="national-id-title">
      <h2 id="national-id-title">{t('profile.nationalId')}</h2>
      {me.nationalIdLinked ? (
        <p>{t('profile.nationalIdLinked')}</p>
      ) : (
        <>
          <p>{t('profile.nationalIdIntro')}</p>
          <p>
            <a className="button button--secondary" href={nationalIdStartUrl({ link: true, returnTo: paths.profile })}>
              {t('profile.linkNationalId')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}

function SignOutSection() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  return (
    <section className="panel" aria-labelledby="sign-out-title">
      <h2 id="sign-out-title">{t('profile.signOutTitle')}</h2>
      <p>{t('profile.signOutIntro')}</p>
      <Button
        variant="secondary"
        busy={signOut.isPending}
        busyLabel={t('nav.signingOut')}
        onClick={() => signOut.mutate(undefined, { onSuccess: () => void navigate(paths.catalog) })}
      >
        {t('nav.signOut')}
      </Button>
      <div role="status">{signOut.isError ? <p className="field__error">{t('nav.signOutFailed')}</p> : null}</div>
    </section>
  );
}

/** The pickers' choice for the person's unit: a village and its commune, or a commune. */
function unitChoiceOf(me: Me): UnitChoice {
  const unit = me.unit;
  if (!unit?.communeId) return { communeId: '', villageId: '' };
  return { communeId: unit.communeId, villageId: unit.level === 'village' ? unit.id : '' };
}

/** Where the person lives, in words: "village, commune", or the unit's name alone. */
function placeOf(me: Me): string | null {
  const unit = me.unit;
  if (!unit) return null;
  return unit.level === 'village' && unit.communeName ? `${unit.name}, ${unit.communeName}` : unit.name;
}
