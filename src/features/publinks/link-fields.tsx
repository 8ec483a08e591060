// Option fields shared by the create dialogs, the edit forms and the Links page. Inputs keep what
// the user typed; messages come from link-options.ts and are tied to their input (aria-describedby).
import { useId, type ReactNode } from 'react';
import type { Errors, PublinkForm, SizeUnit, UploadLinkForm } from './link-options';
import { toDateInput } from './link-options';

function Field({ label, hint, error, children, id }: { label: string; hint?: string; error?: string; children: (describedBy: string | undefined) => ReactNode; id: string }) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field link-field">
      <label htmlFor={id}>{label}</label>
      {children(describedBy)}
      {hint && (
        <span id={`${id}-hint`} className="muted link-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function ExpiryField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const id = useId();
  return (
    <Field id={id} label="Expires after" hint="Leave empty to keep the link until you delete it." error={error}>
      {(describedBy) => (
        <span className="link-inline">
          <input
            id={id}
            type="date"
            min={toDateInput(new Date())}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          {value && (
            <button type="button" className="btn link" onClick={() => onChange('')}>
              No expiry
            </button>
          )}
        </span>
      )}
    </Field>
  );
}

export function CountField({ label, value, onChange, error, hint }: { label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string }) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          inputMode="numeric"
          placeholder="No limit"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </Field>
  );
}

export function SizeField({
  label, value, unit, onChange, onUnit, error, hint,
}: { label: string; value: string; unit: SizeUnit; onChange: (v: string) => void; onUnit: (u: SizeUnit) => void; error?: string; hint?: string }) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <span className="link-inline">
          <input
            id={id}
            inputMode="decimal"
            placeholder="No limit"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          <select aria-label={`${label}: unit`} value={unit} onChange={(e) => onUnit(e.target.value as SizeUnit)}>
            <option value="MB">MB</option>
            <option value="GB">GB</option>
          </select>
        </span>
      )}
    </Field>
  );
}

export function PublinkOptionsFields({ form, onChange, errors }: { form: PublinkForm; onChange: (f: PublinkForm) => void; errors: Errors<PublinkForm> }) {
  const set = <K extends keyof PublinkForm>(k: K, v: PublinkForm[K]) => onChange({ ...form, [k]: v });
  return (
    <fieldset className="link-options">
      <legend>Options</legend>
      <ExpiryField value={form.expires} onChange={(v) => set('expires', v)} error={errors.expires} />
      <div className="link-options-row">
        <CountField label="Maximum downloads" value={form.maxdownloads} onChange={(v) => set('maxdownloads', v)} error={errors.maxdownloads} />
        <SizeField
          label="Maximum traffic"
          value={form.maxtraffic}
          unit={form.trafficUnit}
          onChange={(v) => set('maxtraffic', v)}
          onUnit={(u) => set('trafficUnit', u)}
          error={errors.maxtraffic}
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={form.shortlink} onChange={(e) => set('shortlink', e.target.checked)} /> Also make a short link
        <span className="muted link-hint">(short codes are easier to guess)</span>
      </label>
    </fieldset>
  );
}

export function UploadLinkOptionsFields({
  form, onChange, errors, commentEditable,
}: { form: UploadLinkForm; onChange: (f: UploadLinkForm) => void; errors: Errors<UploadLinkForm>; commentEditable: boolean }) {
  const set = <K extends keyof UploadLinkForm>(k: K, v: UploadLinkForm[K]) => onChange({ ...form, [k]: v });
  const commentId = useId();
  return (
    <>
      {commentEditable ? (
        <Field id={commentId} label="Message for uploaders" hint="People with the link see only this message, not your name or the folder." error={errors.comment}>
          {(describedBy) => (
            <textarea
              id={commentId}
              rows={3}
              required
              maxLength={1000}
              value={form.comment}
              placeholder="e.g. Please drop the conference slides here. Thanks! — Anna"
              onChange={(e) => set('comment', e.target.value)}
              aria-invalid={errors.comment ? true : undefined}
              aria-describedby={describedBy}
            />
          )}
        </Field>
      ) : (
        <p className="link-comment">
          <span className="muted">Message for uploaders (cannot be changed): </span>
          <span dir="auto">{form.comment}</span>
        </p>
      )}
      <fieldset className="link-options">
        <legend>Limits</legend>
        <ExpiryField value={form.expires} onChange={(v) => set('expires', v)} error={errors.expires} />
        <div className="link-options-row">
          <SizeField
            label="Maximum space"
            value={form.maxspace}
            unit={form.spaceUnit}
            onChange={(v) => set('maxspace', v)}
            onUnit={(u) => set('spaceUnit', u)}
            error={errors.maxspace}
          />
          <CountField label="Maximum files" value={form.maxfiles} onChange={(v) => set('maxfiles', v)} error={errors.maxfiles} />
        </div>
      </fieldset>
    </>
  );
}
