import { describe, expect, it } from 'vitest';
import { METHODS } from '../../src/api/protocol/methods';
import { TestServer } from '../testing';

// Every method the emulator answers must be one of pCloud's (no invented names), with the same
// auth requirement as the reference table.
describe('method table', () => {
  it('registers only methods of the reference table', async () => {
    const t = await TestServer.start();
    try {
      const known = new Map(METHODS.map((m) => [m.name, m]));
      const extra = [...t.emu.methods.keys()].filter((n) => !known.has(n) && n !== 'newsletter_unsubscribemail');
      expect(extra).toEqual([]);
      for (const [name, def] of t.emu.methods) {
        const ref = known.get(name);
        if (!ref) continue;
        // `login` needs no earlier session but is itself a credential login, so 1000 without credentials is right
        if (ref.auth === 'no' && name !== 'login') expect([name, def.auth]).not.toEqual([name, 'required']);
        if (ref.oauthRefused) expect([name, def.oauth]).toEqual([name, false]);
      }
    } finally {
      await t.close();
    }
  });
});
