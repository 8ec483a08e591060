import { reloadToUpdate, updateDismissed, useUpdateReady } from './register';

/** "A new version is ready": shown on every page, never switches versions by itself. */
export function UpdatePrompt() {
  const ready = useUpdateReady();
  return (
    <div className="update-prompt-region" role="status" aria-live="polite">
      {ready && (
        <div className="update-prompt">
          <span>A new version of pCloud Web is ready.</span>
          <button className="btn primary" onClick={reloadToUpdate}>
            Reload
          </button>
          <button className="btn" onClick={updateDismissed}>
            Later
          </button>
        </div>
      )}
    </div>
  );
}
