// Account: e-mail, plan, quota, e-mail verification, language, signed-in devices.
// `listtokens` refuses OAuth tokens on real pCloud (1000 → 'oauthRefused'): explained, not an error.
import { useQuery } from '@tanstack/react-query';
import { isOAuthRefusal } from '../../api/errors';
import { formatBytes, formatDate } from '../../lib/format';
import { listTokensOptions, useDeleteToken, useSendVerificationEmail } from '../../queries/auth';
import { supportedLanguagesOptions, userInfoOptions, useSetLanguage } from '../../queries/general';
import { toast } from '../../stores/toasts';
import { errorText, NotAvailableWithSignIn, PCLOUD_WEB_SETTINGS } from './not-available';

function Devices() {
  const tokens = useQuery(listTokensOptions());
  const remove = useDeleteToken();
  if (tokens.isPending) return <div className="loading" role="status" aria-label="Loading devices" />;
  if (tokens.isError && isOAuthRefusal(tokens.error)) {
    return (
      <NotAvailableWithSignIn
        title="Signed-in devices are not available with this sign-in"
        what="the list of signed-in devices"
        href={PCLOUD_WEB_SETTINGS}
        linkText="Manage devices on pCloud"
      />
    );
  }
  if (tokens.isError) {
    return (
      <p className="field-error" role="alert">
        The devices could not be loaded: {errorText(tokens.error)}{' '}
        <button className="btn link" onClick={() => void tokens.refetch()}>
          Try again
        </button>
      </p>
    );
  }
  if (tokens.data.length === 0) return <p className="muted">No other devices are signed in.</p>;
  return (
    <ul className="token-list" aria-label="Signed-in devices">
      {tokens.data.map((t) => (
        <li key={t.tokenid} className="token-row">
          <div>
            <div dir="auto">{t.device || 'Unknown device'}</div>
            <div className="muted token-meta">
              Signed in {formatDate(t.created)} · expires {formatDate(t.expires)}
            </div>
          </div>
          <button
            className="btn danger"
            disabled={remove.isPending}
            aria-label={`Sign out ${t.device || 'unknown device'}`}
            onClick={() =>
              remove.mutate(
                { tokenid: t.tokenid },
                {
                  onSuccess: () => toast({ kind: 'success', message: `Signed out ${t.device || 'the device'}` }),
                  onError: (err) => toast({ kind: 'error', message: `Could not sign out the device: ${errorText(err)}` }),
                },
              )
            }
          >
            Sign out
          </button>
        </li>
      ))}
    </ul>
  );
}

function LanguageSelect({ current }: { current: string }) {
  const languages = useQuery(supportedLanguagesOptions());
  const setLanguage = useSetLanguage();
  const entries = Object.entries(languages.data ?? {}).sort((a, b) => a[1].localeCompare(b[1]));
  if (!entries.some(([code]) => code === current)) entries.unshift([current, current]);
  return (
    <label className="field account-field">
      <span>Language</span>
      <select
        value={setLanguage.isPending ? setLanguage.variables.language : current}
        disabled={languages.isPending || setLanguage.isPending}
        onChange={(e) => {
          const language = e.target.value;
          setLanguage.mutate(
            { language },
            {
              onSuccess: () => toast({ kind: 'success', message: `Language set to ${languages.data?.[language] ?? language}` }),
              onError: (err) => toast({ kind: 'error', message: `Could not change the language: ${errorText(err)}` }),
            },
          );
        }}
      >
        {entries.map(([code, name]) => (
          <option key={code} value={code}>
            {name}
          </option>
        ))}
      </select>
      {languages.isError && <span className="field-error">The list of languages could not be loaded.</span>}
    </label>
  );
}

export default function AccountPage() {
  const info = useQuery(userInfoOptions());
  const sendVerification = useSendVerificationEmail();

  if (info.isPending) return <div className="loading" role="status" aria-label="Loading" />;
  if (info.isError) {
    return (
      <div className="state-box" role="alert">
        <h2>Your account could not be loaded</h2>
        <p className="muted">{errorText(info.error)}</p>
        <button className="btn primary" onClick={() => void info.refetch()}>
          Try again
        </button>
      </div>
    );
  }
  const u = info.data;
  const ratio = u.quota ? Math.min(1, u.usedquota / u.quota) : 0;
  const plan = u.premium ? (u.premiumlifetime ? 'Premium (lifetime)' : 'Premium') : 'Free';

  return (
    <div className="account-page">
      <h1 className="page-title">Account</h1>

      <section className="account-card" aria-labelledby="acc-profile">
        <h2 id="acc-profile">Profile</h2>
        <dl className="facts">
          <dt>E-mail</dt>
          <dd>{u.email}</dd>
          <dt>Plan</dt>
          <dd>
            {plan}
            {u.premium && !u.premiumlifetime && u.premiumexpires ? <span className="muted"> · renews or ends {formatDate(u.premiumexpires)}</span> : null}
          </dd>
          <dt>Verification</dt>
          <dd>
            {u.emailverified ? (
              <span>E-mail verified</span>
            ) : (
              <span className="account-unverified">
                <span>E-mail not verified</span>
                <button
                  className="btn"
                  disabled={sendVerification.isPending}
                  onClick={() =>
                    sendVerification.mutate(undefined, {
                      onSuccess: () => toast({ kind: 'success', message: `Verification e-mail sent to ${u.email}` }),
                      onError: (err) => toast({ kind: 'error', message: `Could not send the verification e-mail: ${errorText(err)}` }),
                    })
                  }
                >
                  Send verification e-mail
                </button>
              </span>
            )}
          </dd>
        </dl>
        <LanguageSelect current={u.language} />
      </section>

      <section className="account-card" aria-labelledby="acc-storage">
        <h2 id="acc-storage">Storage</h2>
        <meter className="account-meter" min={0} max={1} low={0.8} high={0.95} optimum={0} value={ratio} aria-label="Storage quota used" />
        <p>
          {formatBytes(u.usedquota)} of {formatBytes(u.quota)} used ({Math.round(ratio * 100)}%)
        </p>
      </section>

      <section className="account-card" aria-labelledby="acc-devices">
        <h2 id="acc-devices">Signed-in devices</h2>
        <Devices />
      </section>

      <section className="account-card" aria-labelledby="acc-signout">
        <h2 id="acc-signout">Sign out</h2>
        <p className="muted">To sign out of this browser, open the account menu at the top right and choose Sign out.</p>
      </section>
    </div>
  );
}
