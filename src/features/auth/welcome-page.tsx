import { useState } from 'react';
import { config, type RegionId } from '../../config';
import { useT, type Translate } from '../../i18n';
import auth from '../../locales/en/auth';
import { useSignInError } from '../../stores/session';
import { signInProblem, startSignIn } from './oauth';
import { PasswordForm } from './password-form';
import { passwordRegions } from './password-sign-in';
import './auth.css';
import { Button } from '../../ui/button';

type T = Translate<typeof auth.messages>;

/** A stored sign-in error in the reader's language (other parts of the app store worded ones). */
function errorText(stored: string, t: T): string {
  const found = signInProblem(stored);
  if (!found) return stored;
  return found.problem === 'refused' ? t('refused', { error: found.detail }) : t(found.problem);
}

const localHost = () => (config.localApiUrl ? new URL(config.localApiUrl).host : '');

function regionText(id: RegionId, t: T): { label: string; description: string } {
  if (id === 'local') return { label: t('regionLocal'), description: t('regionLocalDetail', { host: localHost() }) };
  if (id === 'eu') return { label: t('regionEu'), description: t('regionEuDetail') };
  return { label: t('regionUs'), description: t('regionUsDetail') };
}

/** The API host a password sign-in talks to, named in the full-access explanation. */
const apiHostOf = (id: RegionId) => (id === 'local' ? localHost() : id === 'eu' ? 'eapi.pcloud.com' : 'api.pcloud.com');

/** `?access=full` (the refusal screens' "Sign in with full access") opens the password form. */
const wantsFullAccess = () => new URLSearchParams(window.location.search).get('access') === 'full';

export default function WelcomePage() {
  const t = useT(auth);
  const error = useSignInError();
  // OAuth needs the app's client id for a region; a password sign-in works in every region
  const regions = passwordRegions();
  const [region, setRegion] = useState<RegionId>(regions[0]);
  const [keep, setKeep] = useState(true);
  const [fullAccess, setFullAccess] = useState(wantsFullAccess);
  const oauthRegion = config.regions.find((r) => r.id === region);
  return (
    <main className="welcome">
      <section className="welcome-card" aria-labelledby="welcome-title">
        <div className="brand-mark" aria-hidden="true">☁</div>
        <h1 id="welcome-title">pCloud Web</h1>
        <p className="muted">{t('intro')}</p>
        {error && (
          <p className="alert" role="alert">
            {errorText(error, t)}
          </p>
        )}
        <fieldset className="regions">
          <legend>{t('whereAccount')}</legend>
          {regions.map((id) => {
            const text = regionText(id, t);
            return (
              <label key={id} className={`region ${region === id ? 'chosen' : ''}`}>
                <input type="radio" name="region" value={id} checked={region === id} onChange={() => setRegion(id)} />
                <span>
                  <strong>{text.label}</strong>
                  <small>{text.description}</small>
                </span>
              </label>
            );
          })}
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> {t('keepSignedIn')}
        </label>
        <form
          className="oauth-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (oauthRegion) startSignIn(oauthRegion, keep);
          }}
        >
          <Button variant="primary" wide type="submit" disabled={!oauthRegion} aria-describedby="oauth-hint">
            {t('signIn')}
          </Button>
          <p id="oauth-hint" className="muted small">
            {oauthRegion ? t('oauthHint') : t('oauthUnavailable')}
          </p>
        </form>
        <div className="welcome-or" aria-hidden="true">
          <span>{t('or')}</span>
        </div>
        <Button
          wide
          className={fullAccess ? 'chosen' : undefined}
          aria-expanded={fullAccess}
          aria-controls="full-access"
          onClick={() => setFullAccess((v) => !v)}
        >
          {t('showPasswordForm')}
        </Button>
        <div id="full-access" hidden={!fullAccess}>
          {fullAccess && <PasswordForm region={region} keep={keep} serverHost={apiHostOf(region)} />}
        </div>
      </section>
    </main>
  );
}
