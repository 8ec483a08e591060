// The app's route shapes as the service worker sees them (it cannot run the router). A navigation
// to one of these gets the app shell when the network is unreachable; any other path (content
// hosts, OAuth pages, API methods when a host puts them on this origin) is never answered by it.
// app-routes.test.ts keeps this in step with the route table in paths.ts.

import { paths } from '../../routing/paths';

export const SHARE_TARGET_PATH = paths.shareTarget;

const APP_ROUTE = /^\/(?:|welcome|folder\/[^/]+|trash|account|shared|links|collections|collections\/[^/]+|search|recent|photos|publink\/show|puplink|share-target)\/?$/;

export function isAppRoute(pathname: string): boolean {
  return APP_ROUTE.test(pathname);
}
