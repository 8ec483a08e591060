import { describe, expect, it } from 'vitest';
import { levelOf, parseEmails, permissionLabel as label } from './permissions';
import { getT } from '../../i18n';
import share from '../../locales/en/share';
import { permissionBits, permissionFlags } from '../../queries/sharing';

const t = getT(share);
const permissionLabel = (bits: number) => label(bits, t);
const parse = (input: string, own?: string) => parseEmails(input, t, own);

describe('permission words', () => {
  it('names the two usual levels and spells out custom mixes', () => {
    expect(permissionLabel(0)).toBe('Can view');
    expect(permissionLabel(7)).toBe('Can edit');
    expect(permissionLabel(1)).toBe('Can view, add');
    expect(permissionLabel(5)).toBe('Can view, add and delete');
    expect(permissionLabel(15)).toBe('Can view, add, change, delete and manage');
    expect(levelOf(3)).toBe('custom');
  });

  it('round-trips bits through the reply booleans', () => {
    for (let bits = 0; bits < 16; bits++) expect(permissionBits(permissionFlags(bits))).toBe(bits);
    expect(permissionBits({ canread: true, cancreate: true, canmodify: false, candelete: true })).toBe(5);
    expect(permissionFlags(0)).toEqual({ canread: true, cancreate: false, canmodify: false, candelete: false });
  });
});

describe('parseEmails', () => {
  it('accepts one or several addresses and drops duplicates', () => {
    expect(parse(' ann@example.com ')).toEqual({ emails: ['ann@example.com'], problem: null });
    expect(parse('ann@example.com, bob@example.org;ANN@example.com\nc@d.io').emails).toEqual(['ann@example.com', 'bob@example.org', 'c@d.io']);
  });

  it('explains what is wrong', () => {
    expect(parse('   ').problem).toMatch(/Enter the e-mail/);
    expect(parse('ann@example').problem).toBe('“ann@example” is not a valid e-mail address.');
    expect(parse('ann, bob@x.org, @x.org').problem).toBe('These are not valid e-mail addresses: “ann”, “@x.org”.');
    expect(parse('Me@Example.com', 'me@example.com').problem).toMatch(/already own/);
  });
});

describe('in German', () => {
  it('words the permission and the problem in the chosen language', async () => {
    const { setLanguage, resetLanguage } = await import('../../i18n');
    await setLanguage('de');
    try {
      expect(permissionLabel(5)).toBe('Kann ansehen, hinzufügen und löschen');
      expect(parse('ann@example').problem).toBe('„ann@example“ ist keine gültige E-Mail-Adresse.');
    } finally {
      resetLanguage();
    }
  });
});
