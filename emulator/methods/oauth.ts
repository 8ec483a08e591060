import { defineMethods } from '../registry';
import { now } from '../store/model';
import { fail } from '../errors';
import { findApp, issueOAuthToken } from '../domain/oauth';

export const oauthMethods = () =>
  defineMethods([
    {
      name: 'oauth2_token',
      auth: 'none',
      handler(ctx) {
        // Generic OAuth libraries may send the client credentials as HTTP Basic auth instead.
        let clientid = ctx.p.str('client_id');
        let secret = ctx.p.str('client_secret');
        const basic = ctx.req.headers.authorization;
        if (basic && /^basic\s+/i.test(basic)) {
          const [id, sec] = Buffer.from(basic.replace(/^basic\s+/i, ''), 'base64').toString('utf8').split(':');
          clientid ??= decodeURIComponent(id ?? '');
          secret ??= decodeURIComponent(sec ?? '');
        }
        const code = ctx.p.str('code');
        const app = findApp(ctx.st, clientid);
        // Bad client credentials: pCloud's code is unverified; we answer 2012 like a bad code.
        if (!app || app.secret !== secret || !code) fail(2012);
        const row = ctx.st.tokens.code(code);
        if (!row || row.clientid !== app.clientid || row.expires < now()) fail(2012);
        // A `redirect_uri` sent here must be the one the code was issued for (RFC 6749 §4.1.3), so a
        // code caught on one address cannot be redeemed as if it came back to another. pCloud
        // documents no such check and no code for it: we answer 2012 like any unusable code (OAuth's
        // invalid_grant covers both). Clients that omit the parameter, as pCloud's own SDKs do, still work.
        const redirect = ctx.p.str('redirect_uri');
        if (redirect !== undefined && row.redirecturi !== null && redirect !== row.redirecturi) fail(2012);
        ctx.st.tokens.deleteCode(code); // single use
        const user = ctx.st.user(row.userid)!;
        const tok = issueOAuthToken(ctx.st, user, app, ctx.emu.quirks.revokeEarlierOAuthTokens);
        return { access_token: tok.token, token_type: 'bearer', uid: user.id, userid: user.id, locationid: user.locationid };
      },
    },
  ]);
