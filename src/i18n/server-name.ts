// Who refuses: pCloud, or — signed in to a local pCloud-compatible server (`npm start`) — that server
// by its host, so an explanation never sends a local user to pCloud's web app (issue 15, item 7).
import { getSession } from '../stores/session';

export function serverName(session = getSession()): string {
  return session?.region === 'local' ? session.hostname : 'pCloud';
}
