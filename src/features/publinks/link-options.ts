// The options forms of public links and upload links, as pure functions: the form keeps what the
// user typed (strings), validation turns it into API values or human messages, and for an existing
// link only what changed is sent (changepublink refuses a call without any option). Messages are
// keys of the links namespace: the form translates them when it shows them.
import type { ChangePublinkParams } from '../../api/publinks';
import type { ChangeUploadLinkParams } from '../../api/uploadlinks';
import type { Publink, UploadLink } from '../../api/types';
import type links from '../../locales/en/links';

export type SizeUnit = 'MB' | 'GB';
const UNIT_BYTES: Record<SizeUnit, number> = { MB: 1024 ** 2, GB: 1024 ** 3 };

export interface PublinkForm {
  /** `yyyy-mm-dd` from a date input; '' = never expires */
  expires: string;
  maxdownloads: string;
  maxtraffic: string;
  trafficUnit: SizeUnit;
  shortlink: boolean;
}

export interface UploadLinkForm {
  comment: string;
  expires: string;
  maxspace: string;
  spaceUnit: SizeUnit;
  maxfiles: string;
}

export interface PublinkValues {
  expire: Date | null;
  maxdownloads: number | null;
  maxtraffic: number | null;
  shortlink: boolean;
}

export interface UploadLinkValues {
  comment: string;
  expire: Date | null;
  maxspace: number | null;
  maxfiles: number | null;
}

/** The links-namespace key of a field's problem. */
export type FieldError = Extract<keyof typeof links.messages, `err${string}`>;
export type Errors<F> = Partial<Record<keyof F, FieldError>>;
export type Checked<F, V> = { ok: true; values: V } | { ok: false; errors: Errors<F> };

export const emptyPublinkForm: PublinkForm = { expires: '', maxdownloads: '', maxtraffic: '', trafficUnit: 'MB', shortlink: false };
export const emptyUploadLinkForm: UploadLinkForm = { comment: '', expires: '', maxspace: '', spaceUnit: 'GB', maxfiles: '' };

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day of a date, as a date input wants it. */
export function toDateInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A chosen day means "usable through that day": the link expires at the end of it, in the
 * user's own time zone (what a person picking a date in a calendar expects).
 */
export function endOfDay(input: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (!m) return null;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  return d.getMonth() === Number(m[2]) - 1 ? d : null;
}

function checkExpiry(input: string, now: Date): { value: Date | null; error?: FieldError } {
  if (input.trim() === '') return { value: null };
  const d = endOfDay(input.trim());
  if (!d) return { value: null, error: 'errDate' };
  if (d.getTime() <= now.getTime()) return { value: null, error: 'errPast' };
  return { value: d };
}

function checkCount(input: string, bad: 'errDownloads' | 'errFiles'): { value: number | null; error?: FieldError } {
  const t = input.trim();
  if (t === '') return { value: null };
  if (!/^\d+$/.test(t) || Number(t) < 1) return { value: null, error: bad };
  if (!Number.isSafeInteger(Number(t))) return { value: null, error: 'errNumberTooLarge' };
  return { value: Number(t) };
}

function checkSize(input: string, unit: SizeUnit): { value: number | null; error?: FieldError } {
  const t = input.trim().replace(',', '.');
  if (t === '') return { value: null };
  const n = Number(t);
  if (!/^\d*\.?\d+$/.test(t) || !Number.isFinite(n) || n <= 0) return { value: null, error: 'errSize' };
  const bytes = Math.round(n * UNIT_BYTES[unit]);
  if (!Number.isSafeInteger(bytes)) return { value: null, error: 'errSizeTooLarge' };
  return { value: Math.max(1, bytes) };
}

export function checkPublinkForm(form: PublinkForm, now = new Date()): Checked<PublinkForm, PublinkValues> {
  const expires = checkExpiry(form.expires, now);
  const downloads = checkCount(form.maxdownloads, 'errDownloads');
  const traffic = checkSize(form.maxtraffic, form.trafficUnit);
  const errors: Errors<PublinkForm> = {};
  if (expires.error) errors.expires = expires.error;
  if (downloads.error) errors.maxdownloads = downloads.error;
  if (traffic.error) errors.maxtraffic = traffic.error;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, values: { expire: expires.value, maxdownloads: downloads.value, maxtraffic: traffic.value, shortlink: form.shortlink } };
}

export function checkUploadLinkForm(form: UploadLinkForm, opts: { requireComment: boolean }, now = new Date()): Checked<UploadLinkForm, UploadLinkValues> {
  const expires = checkExpiry(form.expires, now);
  const files = checkCount(form.maxfiles, 'errFiles');
  const space = checkSize(form.maxspace, form.spaceUnit);
  const errors: Errors<UploadLinkForm> = {};
  if (opts.requireComment && form.comment.trim() === '') errors.comment = 'errComment';
  if (expires.error) errors.expires = expires.error;
  if (files.error) errors.maxfiles = files.error;
  if (space.error) errors.maxspace = space.error;
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, values: { comment: form.comment.trim(), expire: expires.value, maxspace: space.value, maxfiles: files.value } };
}

/** Bytes as the form shows them: GB when it is a round-ish number of GB, else MB. */
function sizeToForm(bytes: number | undefined): { value: string; unit: SizeUnit } | null {
  if (!bytes) return null;
  const unit: SizeUnit = bytes >= UNIT_BYTES.GB ? 'GB' : 'MB';
  const v = bytes / UNIT_BYTES[unit];
  return { value: String(Math.round(v * 100) / 100), unit };
}

function dateToForm(value: string | undefined): string {
  if (!value) return '';
  const t = Date.parse(value);
  return Number.isNaN(t) ? '' : toDateInput(new Date(t));
}

export function publinkToForm(link: Pick<Publink, 'expires' | 'maxdownloads' | 'maxtraffic' | 'shortcode'>): PublinkForm {
  const traffic = sizeToForm(link.maxtraffic);
  return {
    expires: dateToForm(link.expires),
    maxdownloads: link.maxdownloads ? String(link.maxdownloads) : '',
    maxtraffic: traffic?.value ?? '',
    trafficUnit: traffic?.unit ?? 'MB',
    shortlink: !!link.shortcode,
  };
}

/** The documented field name of an upload link's expiry is unverified: read either. */
export const uploadLinkExpiry = (link: Pick<UploadLink, 'expire' | 'expires'>) => link.expires ?? link.expire;

export function uploadLinkToForm(link: Pick<UploadLink, 'comment' | 'expire' | 'expires' | 'maxspace' | 'maxfiles'>): UploadLinkForm {
  const space = sizeToForm(link.maxspace);
  return {
    comment: link.comment,
    expires: dateToForm(uploadLinkExpiry(link)),
    maxspace: space?.value ?? '',
    spaceUnit: space?.unit ?? 'GB',
    maxfiles: link.maxfiles ? String(link.maxfiles) : '',
  };
}

const seconds = (value: string | undefined) => (value ? Math.floor(Date.parse(value) / 1000) : null);

/** expire / deleteexpire for a change, or nothing when the day stayed the same. */
function expiryChange(before: string | undefined, after: Date | null): { expire?: Date; deleteexpire?: true } {
  const was = seconds(before);
  if (after === null) return was === null ? {} : { deleteexpire: true };
  // the form works in days: the same day as before is no change, whatever time it was stored with
  if (before && dateToForm(before) === toDateInput(after)) return {};
  return { expire: after };
}

export function publinkChanges(
  link: Pick<Publink, 'expires' | 'maxdownloads' | 'maxtraffic' | 'shortcode'>,
  values: PublinkValues,
): Omit<ChangePublinkParams, 'linkid'> | null {
  const change: Omit<ChangePublinkParams, 'linkid'> = { ...expiryChange(link.expires, values.expire) };
  // 0 removes a limit (changepublink)
  if ((values.maxdownloads ?? 0) !== (link.maxdownloads ?? 0)) change.maxdownloads = values.maxdownloads ?? 0;
  if ((values.maxtraffic ?? 0) !== (link.maxtraffic ?? 0)) change.maxtraffic = values.maxtraffic ?? 0;
  if (values.shortlink && !link.shortcode) change.shortlink = true;
  if (!values.shortlink && link.shortcode) change.deleteshortlink = true;
  return Object.keys(change).length ? change : null;
}

export function uploadLinkChanges(
  link: Pick<UploadLink, 'expire' | 'expires' | 'maxspace' | 'maxfiles'>,
  values: UploadLinkValues,
): Omit<ChangeUploadLinkParams, 'uploadlinkid'> | null {
  const change: Omit<ChangeUploadLinkParams, 'uploadlinkid'> = { ...expiryChange(uploadLinkExpiry(link), values.expire) };
  if ((values.maxspace ?? 0) !== (link.maxspace ?? 0)) change.maxspace = values.maxspace ?? 0;
  if ((values.maxfiles ?? 0) !== (link.maxfiles ?? 0)) change.maxfiles = values.maxfiles ?? 0;
  return Object.keys(change).length ? change : null;
}

/** Creation parameters: limits that are not set are not sent. */
export function publinkCreateParams(v: PublinkValues) {
  return {
    ...(v.expire ? { expire: v.expire } : {}),
    ...(v.maxdownloads ? { maxdownloads: v.maxdownloads } : {}),
    ...(v.maxtraffic ? { maxtraffic: v.maxtraffic } : {}),
    ...(v.shortlink ? { shortlink: true } : {}),
  };
}

export function uploadLinkCreateParams(v: UploadLinkValues) {
  return {
    comment: v.comment,
    ...(v.expire ? { expire: v.expire } : {}),
    ...(v.maxspace ? { maxspace: v.maxspace } : {}),
    ...(v.maxfiles ? { maxfiles: v.maxfiles } : {}),
  };
}
