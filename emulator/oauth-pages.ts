import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from './services';
import { findApp, issueOAuthToken, newAuthCode, redirectAllowed, type AppRow } from './domain/oauth';
import { checkPassword } from './store/ops';
import { loginThrottled, noteLoginFailure } from './login-throttle';
import { messageFor } from './errors';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, title: string, body: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>
:root{color-scheme:light dark;font-family:system-ui,sans-serif}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f2f5f8;color:#1b2733}
@media (prefers-color-scheme:dark){body{background:#10161c;color:#e8eef3}.card{background:#1b242d!important}input{background:#10161c;color:inherit}}
.card{background:#fff;border-radius:12px;box-shadow:0 4px 24px #0002;padding:28px 32px;width:min(380px,90vw)}
h1{font-size:1.3rem;margin:0 0 4px}p{line-height:1.45}label{display:block;margin:14px 0 4px;font-weight:600}
input{width:100%;box-sizing:border-box;padding:10px;border:1px solid #8894;border-radius:8px;font-size:1rem}
.row{display:flex;gap:10px;margin-top:20px}button{flex:1;padding:11px;border-radius:8px;border:0;font-size:1rem;cursor:pointer}
.allow{background:#17bed0;color:#00222a;font-weight:700}.deny{background:#8883;color:inherit}.err{color:#c0392b;font-weight:600}
.brand{color:#17bed0;font-weight:800;letter-spacing:.02em}</style></head>
<body><main class="card"><div class="brand">pCloud · local emulator</div>${body}</main></body></html>`;
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action *; frame-ancestors 'none'",
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  res.end(html);
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

// Allow comes first in the document: Enter in a field submits with the form's first submit button
// (HTML implicit submission), and Enter after typing the password must sign in, not cancel.
function form(app: AppRow, q: URLSearchParams, error = '', email = ''): string {
  const hidden = ['client_id', 'response_type', 'redirect_uri', 'state', 'permissions', 'force_reapprove']
    .filter((k) => q.has(k))
    .map((k) => `<input type="hidden" name="${k}" value="${esc(q.get(k) ?? '')}">`)
    .join('');
  return `<h1>Sign in to continue</h1>
<p><strong>${esc(app.name)}</strong> asks for access to all files in your pCloud.</p>
${error ? `<p class="err" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/oauth2/authorize">${hidden}
<label for="email">E-mail</label><input id="email" name="email" type="email" autocomplete="username" required value="${esc(email)}">
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<div class="row"><button class="allow" type="submit" name="decision" value="allow">Allow access</button>
<button class="deny" type="submit" name="decision" value="deny" formnovalidate>Cancel</button></div></form>`;
}

function redirect(res: ServerResponse, to: string): void {
  res.writeHead(302, { Location: to, 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' });
  res.end();
}

/** pCloud's authorize page (docs/pcloud/methods-media.md §4): sign in, consent, then redirect with a token or code. */
export async function handleOAuthPage(emu: Services, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (url.pathname !== '/oauth2/authorize') return page(res, 404, 'Not found', '<h1>Not found</h1>');
  const q = req.method === 'POST' ? await readForm(req) : url.searchParams;
  const app = findApp(emu.st, q.get('client_id') ?? undefined);
  if (!app) return page(res, 400, 'Error', `<h1>Error</h1><p class="err">Invalid 'client_id'.</p>`);
  const type = q.get('response_type');
  if (type !== 'token' && type !== 'code') return page(res, 400, 'Error', `<h1>Error</h1><p class="err">Invalid 'response_type'.</p>`);
  const redirectUri = q.get('redirect_uri');
  if (type === 'token' && !redirectUri) return page(res, 400, 'Error', `<h1>Error</h1><p class="err">Please provide 'redirect_uri'.</p>`);
  if (redirectUri && !redirectAllowed(app, redirectUri)) {
    // never redirect to an unregistered address: that would leak the token
    return page(res, 400, 'Error', `<h1>Error</h1><p class="err">Invalid 'redirect_uri'.</p>`);
  }
  const state = q.get('state');
  if (req.method !== 'POST') return page(res, 200, `Sign in — ${app.name}`, form(app, q));

  const sep = type === 'token' ? '#' : '?';
  const back = (fields: Record<string, string | number>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) params.set(k, String(v));
    if (state !== null) params.set('state', state);
    const base = redirectUri!;
    return base + (sep === '?' && base.includes('?') ? '&' : sep) + params.toString();
  };
  if (q.get('decision') === 'deny') {
    if (!redirectUri) return page(res, 200, 'Cancelled', '<h1>Access was not granted</h1><p>You can close this page.</p>');
    return redirect(res, back({ error: 'access_denied' }));
  }
  const email = q.get('email') ?? '';
  // the same per-address throttle as the API's password logins: the page must not be a way around it
  const ip = req.socket.remoteAddress ?? '';
  if (loginThrottled(emu, ip)) return page(res, 429, `Sign in — ${app.name}`, form(app, q, messageFor(4000), email));
  const user = emu.st.userByEmail(email);
  if (!user || user.deactivated || !checkPassword(user.password, q.get('password') ?? '')) {
    noteLoginFailure(emu, ip);
    return page(res, 200, `Sign in — ${app.name}`, form(app, q, 'Wrong e-mail or password.', email));
  }
  const hostname = req.headers.host ?? '127.0.0.1';
  const where = { locationid: user.locationid, hostname };
  if (type === 'token') {
    const tok = issueOAuthToken(emu.st, user, app, emu.quirks.revokeEarlierOAuthTokens);
    return redirect(res, back({ access_token: tok.token, token_type: 'bearer', uid: user.id, userid: user.id, ...where }));
  }
  const code = newAuthCode(emu.st, user, app, redirectUri);
  if (!redirectUri) {
    return page(res, 200, 'Authorization code', `<h1>Your authorization code</h1><p>Paste it into the application:</p><p><code>${esc(code)}</code></p>`);
  }
  return redirect(res, back({ code, ...where }));
}
