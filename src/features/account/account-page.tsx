// Account: e-mail, plan, quota, e-mail verification, language, signed-in devices.
// `listtokens` refuses OAuth tokens on real pCloud (1000 → 'oauthRefused'): explained, not an error.
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteToken } from '../../api/auth';
import { isOAuthRefusal } from '../../api/errors';
import { paths } from '../../app/paths';
import { eraseOfflineCache } from '../../app/pwa/offline-cache';
import { formatBytes, formatDate } from '../../lib/format';
import { listTokensOptions, useDeleteToken, useLogout, useSendVerificationEmail } from '../../queries/auth';
import { supportedLanguagesOptions, userInfoOptions, useSetLanguage } from '../../queries/general';
import { signedOut } from '../../stores/session';
import { toast } from '../../stores/toasts';
import { Dialog } from '../../ui/dialog';
import { errorText, NotAvailableWithSignIn, PCLOUD_WEB_SETTINGS } from './not-available';
import './account.css';

/** listtokens marks the token of the call itself (not in the reference's field list, so optional). */
const isCurrent = (t: object) => (t as { current?: boolean }).current === true;

/**
 * Revokes every other sign-in listed by listtokens, then this one (logout), then forgets the
 * session here. When listtokens is refused (OAuth sign-in), only this browser can be signed out.
 */
function SignOutEverywhere() {
  const tokens = useQuery(listTokensOptions());
  const logout = useLogout();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const refused = tokens.isError && isOAuthRefusal(tokens.error);

  const run = async () => {
    setBusy(true);
    setProblem(null);
    const others = (tokens.data ?? []).filter((t) => !isCurrent(t));
    let failed = 0;
    for (const t of others) {
      try {
        await deleteToken({ tokenid: t.tokenid });
      } catch {
        failed++;
      }
    }
    if (failed > 0) {
      setBusy(false);
      setConfirming(false);
      setProblem(`${failed} of ${others.length} devices could not be signed out. You are still signed in here; try again.`);
      void tokens.refetch();
      return;
    }
    try {
      await logout.mutateAsync();
    } catch {
      /* this browser forgets the session even when the server cannot be reached */
    }
    signedOut();
    qc.clear();
    await eraseOfflineCache();
    void navigate(paths.welcome, { replace: true });
  };

  return (
    <>
      {refused ? (
        <p className="muted">
          With this sign-in, pCloud does not let the app see your other devices, so only this browser can be signed out here (account menu → Sign out).
          Sign out other devices from pCloud’s own settings.
        </p>
      ) : (
        <>
          <p className="muted">Sign out of every device and app that uses your account with a password sign-in, and of this browser.</p>
          <button className="btn danger" disabled={tokens.isPending || busy} onClick={() => setConfirming(true)}>
            Sign out everywhere
          </button>
        </>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <Dialog
        open={confirming}
        onOpenChange={(o) => !o && !busy && setConfirming(false)}
        title="Sign out everywhere?"
        description="Every signed-in device is signed out, and so is this browser. You will need to sign in again."
      >
        <div className="dialog-actions">
          <button className="btn" disabled={busy} onClick={() => setConfirming(false)}>
            Cancel
          </button>
          <button className="btn primary danger-fill" disabled={busy} onClick={() => void run()}>
            {busy ? 'Signing out…' : 'Sign out everywhere'}
          </button>
        </div>
      </Dialog>
    </>
  );
}

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
            <div dir="auto">
              {t.device || 'Unknown device'}
              {isCurrent(t) && <span className="muted"> · this browser</span>}
            </div>
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

      <section className="account-card account-signout" aria-labelledby="acc-signout">
        <h2 id="acc-signout">Sign out</h2>
        <p className="muted">To sign out of this browser only, open the account menu at the top right and choose Sign out.</p>
        <SignOutEverywhere />
      </section>
    </div>
  );
}
