// Words for share permissions and the invite form's e-mail parsing (pure, unit-tested).
import { SHARE_PERMISSION } from '../../api/protocol/types';
import { EDIT_PERMISSIONS, VIEW_PERMISSIONS } from '../../queries/sharing';

export type PermissionLevel = 'view' | 'edit' | 'custom';

export function levelOf(bits: number): PermissionLevel {
  if (bits === VIEW_PERMISSIONS) return 'view';
  if (bits === EDIT_PERMISSIONS) return 'edit';
  return 'custom';
}

const RIGHTS: [bit: number, word: string][] = [
  [SHARE_PERMISSION.create, 'add'],
  [SHARE_PERMISSION.modify, 'change'],
  [SHARE_PERMISSION.delete, 'delete'],
  [SHARE_PERMISSION.manage, 'manage'],
];

/** "Can view", "Can edit", or the custom mix: "Can view, add and delete". */
export function permissionLabel(bits: number): string {
  const level = levelOf(bits);
  if (level === 'view') return 'Can view';
  if (level === 'edit') return 'Can edit';
  const words = RIGHTS.filter(([bit]) => bits & bit).map(([, word]) => word);
  const last = words.pop();
  return `Can view, ${words.length ? `${words.join(', ')} and ${last}` : last}`;
}

/** Checkbox labels of the "Advanced" section, in bit order. */
export const ADVANCED_RIGHTS = [
  { bit: SHARE_PERMISSION.create, label: 'Add files and folders' },
  { bit: SHARE_PERMISSION.modify, label: 'Rename and change files' },
  { bit: SHARE_PERMISSION.delete, label: 'Delete files and folders' },
] as const;

const EMAIL = /^[^\s@,;<>"]+@[^\s@,;<>".]+(\.[^\s@,;<>".]+)+$/;

export interface ParsedEmails {
  emails: string[];
  /** A sentence for the form, or null when every address looks deliverable. */
  problem: string | null;
}

/** Several addresses may be pasted at once, separated by commas, semicolons or spaces. */
export function parseEmails(input: string, own?: string): ParsedEmails {
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
  if (emails.length === 0) return { emails, problem: 'Enter the e-mail address of the person to invite.' };
  const bad = emails.filter((e) => !EMAIL.test(e));
  if (bad.length === 1) return { emails, problem: `“${bad[0]}” is not a valid e-mail address.` };
  if (bad.length > 1) return { emails, problem: `These are not valid e-mail addresses: ${bad.map((b) => `“${b}”`).join(', ')}.` };
  if (own && emails.some((e) => e.toLowerCase() === own.toLowerCase())) return { emails, problem: 'You already own this folder; invite someone else.' };
  return { emails, problem: null };
}
