// Option fields shared by the create dialogs, the edit forms and the Links page. Inputs keep what
// the user typed; messages come from link-options.ts and are tied to their input (aria-describedby).
import { useId, type ReactNode } from 'react';
import { useT } from '../../i18n';
import links from '../../locales/en/links';
import type { Errors, PublinkForm, SizeUnit, UploadLinkForm } from './link-options';
import { toDateInput } from './link-options';
import { Button } from '../../ui/button';

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

// the date stays a native date input: the browser shows it in the user's own format
export function ExpiryField({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const id = useId();
  const t = useT(links);
  return (
    <Field id={id} label={t('expiresAfter')} hint={t('expiresHint')} error={error}>
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
            <Button variant="ghost" onClick={() => onChange('')}>
              {t('noExpiry')}
            </Button>
          )}
        </span>
      )}
    </Field>
  );
}

export function CountField({ label, value, onChange, error, hint }: { label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string }) {
  const id = useId();
  const t = useT(links);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <input
          id={id}
          inputMode="numeric"
          placeholder={t('noLimit')}
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
  const t = useT(links);
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(describedBy) => (
        <span className="link-inline">
          <input
            id={id}
            inputMode="decimal"
            placeholder={t('noLimit')}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
          />
          <select aria-label={t('unitOf', { label })} value={unit} onChange={(e) => onUnit(e.target.value as SizeUnit)}>
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
  const t = useT(links);
  const err = (key: keyof PublinkForm) => {
    const e = errors[key];
    return e ? t(e) : undefined;
  };
  return (
    <fieldset className="link-options">
      <legend>{t('options')}</legend>
      <ExpiryField value={form.expires} onChange={(v) => set('expires', v)} error={err('expires')} />
      <div className="link-options-row">
        <CountField label={t('maxDownloads')} value={form.maxdownloads} onChange={(v) => set('maxdownloads', v)} error={err('maxdownloads')} />
        <SizeField
          label={t('maxTraffic')}
          value={form.maxtraffic}
          unit={form.trafficUnit}
          onChange={(v) => set('maxtraffic', v)}
          onUnit={(u) => set('trafficUnit', u)}
          error={err('maxtraffic')}
        />
      </div>
      <label className="check">
        <input type="checkbox" checked={form.shortlink} onChange={(e) => set('shortlink', e.target.checked)} /> {t('shortLinkOption')}
        <span className="muted link-hint">{t('shortLinkHint')}</span>
      </label>
    </fieldset>
  );
}

export function UploadLinkOptionsFields({
  form, onChange, errors, commentEditable,
}: { form: UploadLinkForm; onChange: (f: UploadLinkForm) => void; errors: Errors<UploadLinkForm>; commentEditable: boolean }) {
  const set = <K extends keyof UploadLinkForm>(k: K, v: UploadLinkForm[K]) => onChange({ ...form, [k]: v });
  const commentId = useId();
  const t = useT(links);
  const err = (key: keyof UploadLinkForm) => {
    const e = errors[key];
    return e ? t(e) : undefined;
  };
  return (
    <>
      {commentEditable ? (
        <Field id={commentId} label={t('uploaderMessage')} hint={t('uploaderMessageHint')} error={err('comment')}>
          {(describedBy) => (
            <textarea
              id={commentId}
              rows={3}
              required
              maxLength={1000}
              value={form.comment}
              placeholder={t('uploaderMessagePlaceholder')}
              onChange={(e) => set('comment', e.target.value)}
              aria-invalid={errors.comment ? true : undefined}
              aria-describedby={describedBy}
            />
          )}
        </Field>
      ) : (
        <p className="link-comment">
          <span className="muted">{t('uploaderMessageFixed')} </span>
          <span dir="auto">{form.comment}</span>
        </p>
      )}
      <fieldset className="link-options">
        <legend>{t('limits')}</legend>
        <ExpiryField value={form.expires} onChange={(v) => set('expires', v)} error={err('expires')} />
        <div className="link-options-row">
          <SizeField
            label={t('maxSpace')}
            value={form.maxspace}
            unit={form.spaceUnit}
            onChange={(v) => set('maxspace', v)}
            onUnit={(u) => set('spaceUnit', u)}
            error={err('maxspace')}
          />
          <CountField label={t('maxFiles')} value={form.maxfiles} onChange={(v) => set('maxfiles', v)} error={err('maxfiles')} />
        </div>
      </fieldset>
    </>
  );
}
