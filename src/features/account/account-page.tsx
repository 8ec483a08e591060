// Account: e-mail, plan, quota, e-mail verification, language, signed-in devices.
// `listtokens` refuses OAuth tokens on real pCloud (1000 → 'oauthRefused'): explained, not an error.
import { useId, useState } from 'react';
import { useLocation } from 'wouter';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { isOAuthRefusal } from '../../api/errors';
import { paths } from '../../routing/paths';
import { getT, setLanguage as showLanguage, useT, type Language, type Translate } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import { formatBytes, formatDate } from '../../lib/format';
import account from '../../locales/en/account';
import common from '../../locales/en/common';
import { listTokensOptions, useDeleteToken, useSendVerificationEmail } from '../../queries/auth';
import { supportedLanguagesOptions, userInfoOptions, useSetLanguage } from '../../queries/general';
import { toast } from '../../stores/toasts';
import { FullAccessButton, NotAvailableWithSignIn, PCLOUD_WEB_SETTINGS } from '../../widgets/not-available';
import { signOutHere } from '../../commands/sign-out';
import './account.css';
import { Button } from '../../ui/button';
import { ConfirmDialog } from '../../ui/dialog-actions';


/** listtokens marks the token of the call itself (not in the reference's field list, so optional). */
const isCurrent = (t: object) => (t as { current?: boolean }).current === true;
const tNow = getT(account);

/**
 * Revokes every other sign-in listed by listtokens, then this one (logout), then forgets the
 * session here. When listtokens is refused (OAuth sign-in), only this browser can be signed out.
 */
function SignOutEverywhere() {
  const t = useT(account);
  const tokens = useQuery(listTokensOptions());
  const deleteToken = useDeleteToken();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const refused = tokens.isError && isOAuthRefusal(tokens.error);

  const run = async () => {
    setBusy(true);
    setProblem(null);
    const others = (tokens.data ?? []).filter((token) => !isCurrent(token));
    let failed = 0;
    for (const token of others) {
      try {
        await deleteToken.mutateAsync({ tokenid: token.tokenid });
      } catch {
        // counted and told below; the list is fetched again to show which sign-ins remain
        failed++;
      }
    }
    if (failed > 0) {
      setBusy(false);
      setConfirming(false);
      setProblem(tNow('signOutFailed', { failed, count: others.length }));
      void tokens.refetch();
      return;
    }
    await signOutHere(qc, { everywhere: true });
    void navigate(paths.welcome, { replace: true });
  };

  return (
    <>
      {refused ? (
        <>
          <p className="muted">{t('signOutRefused')}</p>
          <FullAccessButton />
        </>
      ) : (
        <>
          <p className="muted">{t('signOutEverywhereText')}</p>
          <Button variant="danger" disabled={tokens.isPending || busy} onClick={() => setConfirming(true)}>
            {t('signOutEverywhere')}
          </Button>
        </>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('signOutEverywhereConfirm')}
        message={t('signOutEverywhereWarning')}
        confirmLabel={t('signOutEverywhere')}
        busy={busy}
        busyLabel={t('signingOut')}
        cancelDisabled={busy}
        onCancel={() => !busy && setConfirming(false)}
        onConfirm={() => void run()}
      />
    </>
  );
}

function Devices({ labelledBy }: { labelledBy: string }) {
  const t = useT(account);
  const tc = useT(common);
  const tokens = useQuery(listTokensOptions());
  const remove = useDeleteToken();
  if (tokens.isPending) return <div className="loading" role="status" aria-label={t('loadingDevices')} />;
  if (tokens.isError && isOAuthRefusal(tokens.error)) {
    return <NotAvailableWithSignIn title={t('devicesUnavailableTitle')} what={t('devicesWhat')} href={PCLOUD_WEB_SETTINGS} linkText={t('manageDevices')} />;
  }
  if (tokens.isError) {
    return (
      <p className="field-error" role="alert">
        {t('devicesError', { error: errorMessage(tokens.error) })}{' '}
        <Button variant="ghost" onClick={() => void tokens.refetch()}>
          {tc('tryAgain')}
        </Button>
      </p>
    );
  }
  if (tokens.data.length === 0) return <p className="muted">{t('noDevices')}</p>;
  return (
    <ul className="token-list" aria-labelledby={labelledBy}>
      {tokens.data.map((token) => (
        <li key={token.tokenid} className="token-row">
          <div>
            <div dir="auto">
              {token.device || t('unknownDevice')}
              {isCurrent(token) && <span className="muted"> · {t('thisBrowser')}</span>}
            </div>
            <div className="muted token-meta">
              {t('deviceDates', { created: formatDate(token.created, t.locale), expires: formatDate(token.expires, t.locale) })}
            </div>
          </div>
          <Button
            variant="danger"
            disabled={remove.isPending}
            aria-label={token.device ? t('signOutDevice', { device: token.device }) : t('signOutUnknownDevice')}
            onClick={() =>
              remove.mutate(
                { tokenid: token.tokenid },
                {
                  onSuccess: () =>
                    toast({ kind: 'success', message: token.device ? tNow('signedOutDevice', { device: token.device }) : tNow('signedOutUnknownDevice') }),
                  onError: (err) => toast({ kind: 'error', message: tNow('signOutDeviceFailed', { error: errorMessage(err) }) }),
                },
              )
            }
          >
            {t('signOut')}
          </Button>
        </li>
      ))}
    </ul>
  );
}

/** Each catalogue's name for a language (LANGUAGES holds each language's own name, for pickers). */
const LANGUAGE_NAME_KEYS = { en: 'languageEn', de: 'languageDe' } as const satisfies Record<Language, string>;

/** The languages the app has a catalogue for, named in the reader's language ("Englisch und Deutsch"). */
function catalogueLanguages(t: Translate<typeof account.messages>): string {
  const names = Object.values(LANGUAGE_NAME_KEYS).map((key) => t(key));
  try {
    return new Intl.ListFormat(t.locale, { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/**
 * pCloud's languages. The choice is saved on the account (setlanguage; userinfo is refetched before
 * the mutation settles, so the shell switches too); the app shows it when it has a catalogue for it.
 */
function LanguageSelect({ current }: { current: string }) {
  const t = useT(account);
  const id = useId();
  const languages = useQuery(supportedLanguagesOptions());
  const setLanguage = useSetLanguage();
  const entries = Object.entries(languages.data ?? {}).sort((a, b) => a[1].localeCompare(b[1], t.locale));
  if (!entries.some(([code]) => code === current)) entries.unshift([current, current]);
  return (
    <div className="field account-field">
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        value={setLanguage.isPending ? setLanguage.variables.language : current}
        // not disabled while saving: a disabled control drops the keyboard focus
        disabled={languages.isPending}
        aria-busy={setLanguage.isPending || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const language = e.target.value;
          const name = languages.data?.[language] ?? language;
          setLanguage.mutate(
            { language },
            {
              // the toast in the new language: wait for its catalogue (the shell asks for it too)
              onSuccess: () => void showLanguage(language).then(() => toast({ kind: 'success', message: tNow('languageSet', { language: name }) })),
              onError: (err) => toast({ kind: 'error', message: tNow('languageFailed', { error: errorMessage(err) }) }),
            },
          );
        }}
      >
        {entries.map(([code, name]) => (
          <option key={code} value={code} lang={code}>
            {name}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="muted">
        {t('languageHint', { languages: catalogueLanguages(t) })}
      </span>
      {languages.isError && (
        <span className="field-error" role="alert">
          {t('languagesError')}
        </span>
      )}
    </div>
  );
}

export default function AccountPage() {
  const t = useT(account);
  const tc = useT(common);
  const info = useQuery(userInfoOptions());
  const sendVerification = useSendVerificationEmail();

  if (info.isPending) return <div className="loading" role="status" aria-label={tc('loading')} />;
  if (info.isError) {
    return (
      <div className="state-box" role="alert">
        <h2>{t('loadError')}</h2>
        <p className="muted">{errorMessage(info.error)}</p>
        <Button variant="primary" onClick={() => void info.refetch()}>
          {tc('tryAgain')}
        </Button>
      </div>
    );
  }
  const u = info.data;
  const ratio = u.quota ? Math.min(1, u.usedquota / u.quota) : 0;
  const plan = u.premium ? (u.premiumlifetime ? t('planLifetime') : t('planPremium')) : t('planFree');
  const quotaText = t('quotaText', {
    used: formatBytes(u.usedquota, t.locale),
    total: formatBytes(u.quota, t.locale),
    percent: new Intl.NumberFormat(t.locale, { style: 'percent', maximumFractionDigits: 0 }).format(ratio),
  });

  return (
    <div className="account-page">
      <h1 className="page-title">{t('title')}</h1>

      <section className="account-card" aria-labelledby="acc-profile">
        <h2 id="acc-profile">{t('profile')}</h2>
        <dl className="facts">
          <dt>{t('email')}</dt>
          <dd>{u.email}</dd>
          <dt>{t('plan')}</dt>
          <dd>
            {plan}
            {u.premium && !u.premiumlifetime && u.premiumexpires ? <span className="muted"> · {t('renews', { date: formatDate(u.premiumexpires, t.locale) })}</span> : null}
          </dd>
          <dt>{t('verification')}</dt>
          <dd>
            {u.emailverified ? (
              <span>{t('verified')}</span>
            ) : (
              <span className="account-unverified">
                <span>{t('notVerified')}</span>
                <Button
                  disabled={sendVerification.isPending}
                  onClick={() =>
                    sendVerification.mutate(undefined, {
                      onSuccess: () => toast({ kind: 'success', message: tNow('verificationSent', { email: u.email }) }),
                      onError: (err) => toast({ kind: 'error', message: tNow('verificationFailed', { error: errorMessage(err) }) }),
                    })
                  }
                >
                  {t('sendVerification')}
                </Button>
              </span>
            )}
          </dd>
        </dl>
        <LanguageSelect current={u.language} />
      </section>

      <section className="account-card" aria-labelledby="acc-storage">
        <h2 id="acc-storage">{t('storage')}</h2>
        <meter
          className="account-meter"
          min={0}
          max={1}
          low={0.8}
          high={0.95}
          optimum={0}
          value={ratio}
          aria-label={t('quotaLabel')}
          aria-valuetext={quotaText}
        />
        <p>{quotaText}</p>
      </section>

      <section className="account-card" aria-labelledby="acc-devices">
        <h2 id="acc-devices">{t('devices')}</h2>
        <Devices labelledBy="acc-devices" />
      </section>

      <section className="account-card account-signout" aria-labelledby="acc-signout">
        <h2 id="acc-signout">{t('signOut')}</h2>
        <p className="muted">{t('signOutHint')}</p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
