// The e-mail and password form of the welcome page, and its two-factor step. What went wrong is
// worded here; the e-mail stays in the form whatever happened.
import { useId, useState } from 'react';
import { PcloudError } from '../../api/errors';
import { useT, type Translate } from '../../i18n';
import { errorMessage } from '../../i18n/error-message';
import auth from '../../locales/en/auth';
import type { RegionId } from '../../config';
import { paths } from '../../routing/paths';
import { takeReturnTo } from '../../stores/session';
import { finishSecondStep, sendCodeBySms, sendCodeToDevices, signInWithPassword, type SecondStep } from './password-sign-in';
import { Button } from '../../ui/button';

type T = Translate<typeof auth.messages>;

/** A fresh start of the app, as after the OAuth redirect: the bootstrap sets up the signed-in cache. */
function enterApp(): void {
  window.location.assign(takeReturnTo() ?? paths.folder(0));
}

/** The reason a sign-in step failed, in the reader's language. */
function problemText(err: unknown, t: T): string {
  if (err instanceof PcloudError) {
    if (err.code === 2000) return t('wrongPassword');
    if (err.code === 4000) return t('tooManyTries');
    if (err.code === 2064) return t('secondStepExpired');
    if (err.code === 2092 || err.code === 2012 || err.code === 2074) return t('wrongCode');
    if (err.code === 2321) return t('otherRegion');
  }
  return t('signInFailed', { error: errorMessage(err) });
}

function SecondStepForm({ step, onRestart }: { step: SecondStep; onRestart: (problem: string | null) => void }) {
  const t = useT(auth);
  const id = useId();
  const [code, setCode] = useState('');
  const [recovery, setRecovery] = useState(false);
  const [trust, setTrust] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await finishSecondStep(step, code, { recovery, trust });
      enterApp();
    } catch (err) {
      setBusy(false);
      // an expired verification starts over at the password, with the e-mail kept
      if (err instanceof PcloudError && err.code === 2064) onRestart(t('secondStepExpired'));
      else setProblem(problemText(err, t));
    }
  };

  const send = async (how: 'sms' | 'devices') => {
    setProblem(null);
    setNotice(null);
    try {
      if (how === 'sms') {
        const r = await sendCodeBySms(step);
        const to = [r.phonedata?.countrycode, r.phonedata?.msisdn].filter(Boolean).join(' ');
        setNotice(to ? t('smsSentTo', { phone: to }) : t('smsSent'));
      } else {
        const r = await sendCodeToDevices(step);
        const names = (r.devices ?? []).map((d) => d.name).filter(Boolean);
        setNotice(names.length ? t('notificationSentTo', { devices: names.join(', ') }) : t('notificationSent'));
      }
    } catch (err) {
      if (err instanceof PcloudError && err.code === 2064) onRestart(t('secondStepExpired'));
      else setProblem(problemText(err, t));
    }
  };

  return (
    <form
      className="second-step"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id={`${id}-title`}>{t('secondStepTitle')}</h2>
      <p className="muted">{recovery ? t('recoveryHint') : step.tfatype === 1 ? t('smsHint') : t('authenticatorHint')}</p>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-code`}>{recovery ? t('recoveryCode') : t('verificationCode')}</label>
        <input
          id={`${id}-code`}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          required
          autoFocus
          spellCheck={false}
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={trust} onChange={(e) => setTrust(e.target.checked)} /> {t('trustDevice')}
      </label>
      <Button variant="primary" wide type="submit" disabled={busy}>
        {busy ? t('verifying') : t('verify')}
      </Button>
      {!recovery && (
        <div className="second-step-send">
          {step.tfatype === 1 && (
            <Button onClick={() => void send('sms')}>
              {t('sendSms')}
            </Button>
          )}
          {step.hasdevices && (
            <Button onClick={() => void send('devices')}>
              {t('sendToDevices')}
            </Button>
          )}
        </div>
      )}
      <div className="second-step-links">
        <Button variant="ghost" onClick={() => { setRecovery((r) => !r); setCode(''); setProblem(null); }}>
          {recovery ? t('useCodeInstead') : t('useRecoveryCode')}
        </Button>
        <Button variant="ghost" onClick={() => onRestart(null)}>
          {t('startOver')}
        </Button>
      </div>
    </form>
  );
}

/** E-mail and password for full access; `region` and `keep` come from the welcome page's shared choices. */
export function PasswordForm({ region, keep, serverHost }: { region: RegionId; keep: boolean; serverHost: string }) {
  const t = useT(auth);
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [second, setSecond] = useState<SecondStep | null>(null);

  if (second) {
    return (
      <SecondStepForm
        step={second}
        onRestart={(why) => {
          setSecond(null);
          setPassword('');
          setProblem(why);
        }}
      />
    );
  }

  const submit = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const outcome = await signInWithPassword({ email: email.trim(), password, region, keep });
      if (outcome.done) enterApp();
      else {
        setPassword('');
        setSecond(outcome.second);
      }
    } catch (err) {
      setPassword('');
      setProblem(problemText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="muted">{t('fullAccessText', { host: serverHost })}</p>
      {problem && (
        <p className="alert" role="alert">
          {problem}
        </p>
      )}
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('email')}</label>
        <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="username" required />
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>{t('password')}</label>
        <input
          id={`${id}-password`}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
          required
        />
      </div>
      <Button variant="primary" wide type="submit" disabled={busy}>
        {busy ? t('signingIn') : t('signInFullAccess')}
      </Button>
    </form>
  );
}
