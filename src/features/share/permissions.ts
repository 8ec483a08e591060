// Words for share permissions and the invite form's e-mail parsing (pure, unit-tested). The texts
// come from the share namespace through the `t` the caller passes (useT or getT).
import { SHARE_PERMISSION } from '../../api/protocol/types';
import type { Translate } from '../../i18n';
import type share from '../../locales/en/share';
import { EDIT_PERMISSIONS, VIEW_PERMISSIONS } from '../../queries/sharing';

export type ShareT = Translate<typeof share.messages>;
export type PermissionLevel = 'view' | 'edit' | 'custom';

export function levelOf(bits: number): PermissionLevel {
  if (bits === VIEW_PERMISSIONS) return 'view';
  if (bits === EDIT_PERMISSIONS) return 'edit';
  return 'custom';
}

const RIGHTS = [
  [SHARE_PERMISSION.create, 'rightAdd'],
  [SHARE_PERMISSION.modify, 'rightChange'],
  [SHARE_PERMISSION.delete, 'rightDelete'],
  [SHARE_PERMISSION.manage, 'rightManage'],
] as const;

/** "Can view", "Can edit", or the custom mix: "Can view, add and delete". */
export function permissionLabel(bits: number, t: ShareT): string {
  const level = levelOf(bits);
  if (level === 'view') return t('canView');
  if (level === 'edit') return t('canEdit');
  const words = RIGHTS.filter(([bit]) => bits & bit).map(([, word]) => t(word));
  const last = words.pop() ?? '';
  return t('canViewAnd', { rights: words.length ? t('listAnd', { list: words.join(', '), last }) : last });
}

/** Checkbox labels (share namespace keys) of the "Advanced" section, in bit order. */
export const ADVANCED_RIGHTS = [
  { bit: SHARE_PERMISSION.create, label: 'allowCreate' },
  { bit: SHARE_PERMISSION.modify, label: 'allowModify' },
  { bit: SHARE_PERMISSION.delete, label: 'allowDelete' },
] as const;

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>".]+(\.[^\s@,;<>".]+)+$/;

export interface ParsedEmails {
  emails: string[];
  /** A sentence for the form, or null when every address looks deliverable. */
  problem: string | null;
}

/** Several addresses may be pasted at once, separated by commas, semicolons or spaces. */
export function parseEmails(input: string, t: ShareT, own?: string): ParsedEmails {
  const parts = input.split(/[\s,;]+/).filter(Boolean);
  const seen = new Set<string>();
  const emails: string[] = [];
  for (const p of parts) {
    const key = p.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      emails.push(p);
    }
  }
  if (emails.length === 0) return { emails, problem: t('emailMissing') };
  const bad = emails.filter((e) => !EMAIL.test(e));
  if (bad.length === 1) return { emails, problem: t('emailInvalid', { email: bad[0] }) };
  if (bad.length > 1) return { emails, problem: t('emailsInvalid', { list: bad.map((b) => t('quoted', { text: b })).join(', ') }) };
  if (own && emails.some((e) => e.toLowerCase() === own.toLowerCase())) return { emails, problem: t('emailOwn') };
  return { emails, problem: null };
}
