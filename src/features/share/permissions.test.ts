import { describe, expect, it } from 'vitest';
import { levelOf, parseEmails, permissionLabel } from './permissions';
import { permissionBits, permissionFlags } from '../../queries/sharing';

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
    expect(parseEmails(' ann@example.com ')).toEqual({ emails: ['ann@example.com'], problem: null });
    expect(parseEmails('ann@example.com, bob@example.org;ANN@example.com\nc@d.io').emails).toEqual(['ann@example.com', 'bob@example.org', 'c@d.io']);
  });

  it('explains what is wrong', () => {
    expect(parseEmails('   ').problem).toMatch(/Enter the e-mail/);
    expect(parseEmails('ann@example').problem).toBe('“ann@example” is not a valid e-mail address.');
    expect(parseEmails('ann, bob@x.org, @x.org').problem).toBe('These are not valid e-mail addresses: “ann”, “@x.org”.');
    expect(parseEmails('Me@Example.com', 'me@example.com').problem).toMatch(/already own/);
  });
});
