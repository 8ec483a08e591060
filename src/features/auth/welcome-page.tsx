import { useState } from 'react';
import { config, type Region } from '../../app/config';
import { useT, type Translate } from '../../i18n';
import auth from '../../locales/en/auth';
import { useSignInError } from '../../stores/session';
import { signInProblem, startSignIn } from './oauth';

type T = Translate<typeof auth.messages>;

/** A stored sign-in error in the reader's language (other parts of the app store worded ones). */
function errorText(stored: string, t: T): string {
  const found = signInProblem(stored);
  if (!found) return stored;
  return found.problem === 'refused' ? t('refused', { error: found.detail }) : t(found.problem);
}

function regionText(r: Region, t: T): { label: string; description: string } {
  if (r.id === 'local') return { label: t('regionLocal'), description: t('regionLocalDetail', { host: new URL(r.authorizeUrl).host }) };
  if (r.id === 'eu') return { label: t('regionEu'), description: t('regionEuDetail') };
  return { label: t('regionUs'), description: t('regionUsDetail') };
}

export default function WelcomePage() {
  const t = useT(auth);
  const error = useSignInError();
  const [region, setRegion] = useState(config.regions[0]?.id ?? 'us');
  const [keep, setKeep] = useState(true);
  const chosen = config.regions.find((r) => r.id === region);
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
        {config.regions.length === 0 ? (
          <p className="alert" role="alert">
            {t('noRegion')}
          </p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (chosen) startSignIn(chosen, keep);
            }}
          >
            <fieldset className="regions">
              <legend>{t('whereAccount')}</legend>
              {config.regions.map((r) => {
                const text = regionText(r, t);
                return (
                  <label key={r.id} className={`region ${region === r.id ? 'chosen' : ''}`}>
                    <input type="radio" name="region" value={r.id} checked={region === r.id} onChange={() => setRegion(r.id)} />
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
            <button className="btn primary wide" type="submit">
              {t('signIn')}
            </button>
          </form>
        )}
      </section>
    </main>
  );
}
