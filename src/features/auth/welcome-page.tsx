import { useState } from 'react';
import { config } from '../../app/config';
import { useSignInError } from '../../stores/session';
import { startSignIn } from './oauth';

export default function WelcomePage() {
  const error = useSignInError();
  const [region, setRegion] = useState(config.regions[0]?.id ?? 'us');
  const [keep, setKeep] = useState(true);
  const chosen = config.regions.find((r) => r.id === region);
  return (
    <main className="welcome">
      <section className="welcome-card" aria-labelledby="welcome-title">
        <div className="brand-mark" aria-hidden="true">☁</div>
        <h1 id="welcome-title">pCloud Web</h1>
        <p className="muted">A fast home for your pCloud files. Sign in with pCloud — your password never reaches this app.</p>
        {error && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        {config.regions.length === 0 ? (
          <p className="alert" role="alert">
            No sign-in region is configured. Set VITE_PCLOUD_CLIENT_ID (see README) or run the local server with npm start.
          </p>
        ) : (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (chosen) startSignIn(chosen, keep);
            }}
          >
            <fieldset className="regions">
              <legend>Where is your account?</legend>
              {config.regions.map((r) => (
                <label key={r.id} className={`region ${region === r.id ? 'chosen' : ''}`}>
                  <input type="radio" name="region" value={r.id} checked={region === r.id} onChange={() => setRegion(r.id)} />
                  <span>
                    <strong>{r.label}</strong>
                    <small>{r.description}</small>
                  </span>
                </label>
              ))}
            </fieldset>
            <label className="check">
              <input type="checkbox" checked={keep} onChange={(e) => setKeep(e.target.checked)} /> Keep me signed in
            </label>
            <button className="btn primary wide" type="submit">
              Sign in with pCloud
            </button>
          </form>
        )}
      </section>
    </main>
  );
}
