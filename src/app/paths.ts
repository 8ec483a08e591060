/** Every route path in one table (design.md §7). */
export const paths = {
  home: '/',
  welcome: '/welcome',
  folder: (id: number | string) => `/folder/${id}`,
  folderPattern: '/folder/:folderId',
  trash: '/trash',
  account: '/account',
} as const;
