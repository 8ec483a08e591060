import type { Metadata } from '../api/protocol/types';

const paths: Record<string, string> = {
  folder: 'M3 6.5A2.5 2.5 0 0 1 5.5 4h4l2 2.5h7A2.5 2.5 0 0 1 21 9v8.5a2.5 2.5 0 0 1-2.5 2.5h-13A2.5 2.5 0 0 1 3 17.5z',
  file: 'M6 3h8l5 5v12a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm8 0v5h5',
  image: 'M4 5h16v14H4zM4 16l5-5 4 4 3-3 4 4M15.5 9.5a1.5 1.5 0 1 0 0-.01',
  video: 'M4 6h11v12H4zM15 10l5-3v10l-5-3',
  audio: 'M9 18V6l10-2v12M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0zm10-2a3 3 0 1 1-6 0 3 3 0 0 1 6 0',
  document: 'M6 3h8l5 5v12a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm8 0v5h5M8 12h8M8 16h8',
  archive: 'M4 4h16v4H4zM5 8h14v12H5zM10 12h4',
  web: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18',
  spreadsheet: 'M4 4h16v16H4zM4 10h16M4 15h16M10 4v16',
  presentation: 'M3 4h18v12H3zM12 16v4M8 20h8',
};

const colors: Record<string, string> = {
  folder: 'var(--icon-folder)', image: 'var(--icon-image)', video: 'var(--icon-video)', audio: 'var(--icon-audio)',
  archive: 'var(--icon-archive)', document: 'var(--icon-doc)', web: 'var(--icon-doc)', spreadsheet: 'var(--icon-sheet)',
  presentation: 'var(--icon-video)', file: 'var(--icon-file)',
};

export function iconName(m: Pick<Metadata, 'isfolder' | 'icon'>): string {
  if (m.isfolder) return 'folder';
  const name = typeof m.icon === 'string' ? m.icon : 'file';
  return name in paths ? name : 'file';
}

export function ItemIcon({ item, size = 22 }: { item: Pick<Metadata, 'isfolder' | 'icon'>; size?: number }) {
  const name = iconName(item);
  const filled = name === 'folder';
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" className="item-icon">
      <path d={paths[name]} fill={filled ? colors[name] : 'none'} stroke={filled ? 'none' : colors[name]} strokeWidth={1.7} strokeLinejoin="round" strokeLinecap="round" />
    </svg>
  );
}

const ui: Record<string, string> = {
  search: 'M11 4a7 7 0 1 0 0 14 7 7 0 0 0 0-14zm9 16-4-4',
  plus: 'M12 5v14M5 12h14',
  grid: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
  list: 'M4 6h16M4 12h16M4 18h16',
  info: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 6v.01M12 11v6',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13',
  download: 'M12 4v11m0 0-4-4m4 4 4-4M5 20h14',
  move: 'M5 12h14m0 0-5-5m5 5-5 5',
  copy: 'M8 8h11v11H8zM5 16V5h11',
  rename: 'M4 20h4L19 9l-4-4L4 16zM13 7l4 4',
  close: 'M6 6l12 12M18 6 6 18',
  up: 'M12 19V5m0 0-6 6m6-6 6 6',
  command: 'M9 6a3 3 0 1 0-3 3h12a3 3 0 1 0-3-3v12a3 3 0 1 0 3-3H6a3 3 0 1 0 3 3z',
  signout: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10',
  refresh: 'M20 11a8 8 0 1 0-2 6M20 4v7h-7',
  share: 'M18 8a3 3 0 1 0 0-.01M6 15a3 3 0 1 0 0-.01M18 19a3 3 0 1 0 0-.01M8.6 13.5l6.8-4M8.6 16.5l6.8 4',
  link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  music: 'M9 18V6l10-2v12M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0zm10-2a3 3 0 1 1-6 0 3 3 0 0 1 6 0',
  play: 'M7 5v14l12-7z',
  pause: 'M7 5h4v14H7zM13 5h4v14h-4z',
  next: 'M6 5v14l9-7zM18 5v14',
  prev: 'M18 5v14l-9-7zM6 5v14',
  shuffle: 'M4 7h3l10 10h3M4 17h3l3-3M14 10l3-3h3M18 4l3 3-3 3M18 14l3 3-3 3',
  repeat: 'M4 12V9a3 3 0 0 1 3-3h12m0 0-3-3m3 3-3 3M20 12v3a3 3 0 0 1-3 3H5m0 0 3 3m-3-3 3-3',
  upload: 'M12 20V9m0 0-4 4m4-4 4 4M5 4h14',
  qr: 'M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2zM14 18h2M18 14h2',
  history: 'M3 12a9 9 0 1 0 3-6.7M3 4v5h5M12 8v4l3 2',
  zip: 'M4 4h16v16H4zM11 4v2h2v2h-2v2h2v2h-2',
  unzip: 'M4 4h16v16H4zM11 4v2h2v2h-2v2h2v2h-2M9 16l3 3 3-3',
  open: 'M2 12s3.6-6.5 10-6.5S22 12 22 12s-3.6 6.5-10 6.5S2 12 2 12zM12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6',
  web: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18',
  check: 'M4 12.5l5 5L20 6.5',
  user: 'M12 4a4 4 0 1 0 0 8 4 4 0 0 0 0-8zM4 21c0-4.4 3.6-7 8-7s8 2.6 8 7',
  menu: 'M4 6h16M4 12h16M4 18h16',
};

export type IconName = keyof typeof ui;
export const isIconName = (name: string): name is IconName => Object.hasOwn(ui, name);

export function Icon({ name, size = 18, label }: { name: IconName; size?: number; label?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" role={label ? 'img' : undefined} aria-hidden={label ? undefined : true} aria-label={label}>
      <path d={ui[name]} fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
