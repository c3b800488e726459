import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { canAdminister, hasAnyRole, useMe, useSignOut, type CurrentUser } from '../features/auth/session';
import { paths, signInPath } from './paths';

/** Signed in: the user's name opening a small menu. Signed out: "Đăng nhập" and "Đăng ký". */
export function AccountArea() {
  const me = useMe();
  if (me.data) return <AccountMenu user={me.data} />;
  // Until the API answers, keep the place empty rather than flash the wrong links.
  if (me.isPending) return <div className="account-placeholder" />;
  return <SignedOutLinks />;
}

function SignedOutLinks() {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <ul className="account-links" role="list">
      <li>
        <Link to={signInPath(location.pathname + location.search)}>{t('nav.signIn')}</Link>
      </li>
      <li>
        <Link to={paths.signUp} className="button">
          {t('nav.signUp')}
        </Link>
      </li>
    </ul>
  );
}

/**
 * The disclosure pattern (a button with aria-expanded controlling a list of links), not an ARIA menu:
 * Tab moves through the items as through any links, Escape closes and returns to the button, and
 * leaving the list or going to another page closes it.
 */
function AccountMenu({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const panelId = useId();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  useEffect(() => setOpen(false), [location.pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div
      ref={root}
      className="account-menu"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          button.current?.focus();
        }
      }}
      onBlur={(event) => {
        if (open && event.relatedTarget && !root.current?.contains(event.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={button}
        type="button"
        className="account-menu__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="visually-hidden">{t('nav.account')}: </span>
        <span className="account-menu__name">{user.displayName}</span>
        <span className="account-menu__chevron" aria-hidden="true" />
      </button>
      <ul id={panelId} className="account-menu__panel" role="list" hidden={!open}>
        <li>
          <Link to={paths.profile}>{t('nav.profile')}</Link>
        </li>
        <li>
          <Link to={paths.myCertificates}>{t('nav.certificates')}</Link>
        </li>
        <li>
          <Link to={paths.myMentor}>{t('nav.myMentor')}</Link>
        </li>
        {hasAnyRole(user, ['mentor']) ? (
          <li>
            <Link to={paths.mentor}>{t('nav.mentor')}</Link>
          </li>
        ) : null}
        {hasAnyRole(user, ['administrator']) ? (
          <li>
            <Link to={paths.adminConfirmations}>{t('nav.confirmations')}</Link>
          </li>
        ) : null}
        {hasAnyRole(user, ['administrator']) ? (
          <li>
            <Link to={paths.adminXapi}>{t('nav.xapi')}</Link>
          </li>
        ) : null}
        {canAdminister(user) ? (
          <li>
            <Link to={paths.admin}>{t('nav.admin')}</Link>
          </li>
        ) : null}
        {hasAnyRole(user, ['author', 'administrator']) ? (
          <li>
            <Link to={paths.studio}>{t('nav.studio')}</Link>
          </li>
        ) : null}
        {hasAnyRole(user, ['reviewer', 'administrator']) ? (
          <li>
            <Link to={paths.review}>{t('nav.review')}</Link>
          </li>
        ) : null}
        {hasAnyRole(user, ['author', 'administrator']) ? (
          <li>
            <Link to={paths.itemBank}>{t('nav.itemBank')}</Link>
          </li>
        ) : null}
        {hasAnyRole(user, ['author', 'reviewer', 'administrator']) ? (
          <li>
            <Link to={paths.grading}>{t('nav.grading')}</Link>
          </li>
        ) : null}
        {hasAnyRole(user, ['facilitator', 'official', 'administrator']) ? (
          <li>
            <Link to={paths.communityClasses}>{t('nav.communityClasses')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={paths.join}>{t('nav.joinClass')}</Link>
        </li>
        <li>
          <button
            type="button"
            aria-disabled={signOut.isPending || undefined}
            onClick={() => {
              if (signOut.isPending) return;
              signOut.mutate(undefined, {
                onSuccess: () => {
                  setOpen(false);
                  void navigate(paths.catalog);
                },
              });
            }}
          >
            {signOut.isPending ? t('nav.signingOut') : t('nav.signOut')}
          </button>
          <p className="account-menu__status" role="status">
            {signOut.isError ? t('nav.signOutFailed') : ''}
          </p>
        </li>
      </ul>
    </div>
  );
}
