/** Every route path in one table (docs/architecture.md §7). */
export const paths = {
  home: '/',
  welcome: '/welcome',
  folder: (id: number | string) => `/folder/${id}`,
  folderPattern: '/folder/:folderId',
  trash: '/trash',
  account: '/account',
  /** shares both ways and the inbox of incoming requests */
  shared: '/shared',
  /** public links and upload links with their counters */
  links: '/links',
  collections: '/collections',
  collection: (id: number | string) => `/collections/${id}`,
  collectionPattern: '/collections/:collectionId',
  /** public-link viewer, the same shape as pCloud's own links so a code can be pasted onto this host */
  publink: (code: string) => `/publink/show?code=${encodeURIComponent(code)}`,
  publinkPattern: '/publink/show',
  /** anonymous upload-link drop page (pCloud's own is `#page=puplink&code=…`) */
  puplink: (code: string) => `/puplink?code=${encodeURIComponent(code)}`,
  puplinkPattern: '/puplink',
  /** account-wide search; `type` is a category chip (image, video, audio, document, archive, folder) */
  search: '/search',
  searchFor: (q: string, type?: string) => `/search?${new URLSearchParams(type ? { q, type } : { q }).toString()}`,
  /** files the account created or changed lately (diff) */
  recent: '/recent',
  /** every image and video by date */
  photos: '/photos',
  /** where the installed app's share sheet (Web Share Target) lands: pick a folder, upload */
  shareTarget: '/share-target',
} as const;
