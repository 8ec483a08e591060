import { displayName } from '../../i18n/display-name';
import { useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { useQuery } from '@tanstack/react-query';
import { Command as Cmdk } from 'cmdk';
import * as RD from '@radix-ui/react-dialog';
import type { Metadata } from '../../api/protocol/types';
import { folderTreeOptions } from '../../queries/folder';
import { paths } from '../../routing/paths';
import { commands } from '../../commands/file-commands';
import { shortcutLabel, type CommandContext } from '../../commands/registry';
import { ItemIcon } from '../../ui/icons';
import { takePaletteTyping } from './palette-typing';
import { useT } from '../../i18n';
import browse from '../../locales/en/browse';
import cmds from '../../locales/en/commands';
import searchText from '../../locales/en/search';

const MAX_FOLDER_HITS = 30;

/** Ctrl/Cmd+K: find any action, a file of this listing, or any folder of the account, by typing. */
export function CommandPalette({ open, onOpenChange, ctx, items }: { open: boolean; onOpenChange: (o: boolean) => void; ctx: CommandContext; items: readonly Metadata[] }) {
  const [, navigate] = useLocation();
  const t = useT(browse);
  const tc = useT(cmds);
  const ts = useT(searchText);
  // what was typed while this code loaded (palette-typing.ts)
  const [search, setSearch] = useState(takePaletteTyping);
  // the whole folder tree is fetched only once the palette is used, then kept for a minute
  const tree = useQuery({ ...folderTreeOptions(), enabled: open && ctx.online });
  const q = search.trim().toLowerCase();
  const folderHits = useMemo(() => {
    if (q.length < 2 || !tree.data) return [];
    const hits = tree.data.filter((f) => f.name.toLowerCase().includes(q));
    // names starting with the query first, then shallower paths
    hits.sort((a, b) => Number(!a.name.toLowerCase().startsWith(q)) - Number(!b.name.toLowerCase().startsWith(q)) || a.path.split('/').length - b.path.split('/').length);
    return hits.slice(0, MAX_FOLDER_HITS);
  }, [q, tree.data]);
  const run = (f: () => void) => {
    onOpenChange(false);
    setSearch('');
    setTimeout(f, 0);
  };
  return (
    <RD.Root open={open} onOpenChange={onOpenChange}>
      <RD.Portal>
        <RD.Overlay className="overlay" />
        <RD.Content className="palette" aria-describedby={undefined}>
          <RD.Title className="sr-only">{t('palette')}</RD.Title>
          <Cmdk label={t('palette')} loop>
            <Cmdk.Input placeholder={t('palettePlaceholder')} aria-label={t('paletteInput')} autoFocus value={search} onValueChange={setSearch} />
            <Cmdk.List>
              <Cmdk.Empty>{t('paletteEmpty')}</Cmdk.Empty>
              {search.trim() !== '' && (
                // always offered (matches whatever was typed): the account-wide search for it
                <Cmdk.Item value={`search-files ${search}`} keywords={[search]} onSelect={() => run(() => navigate(paths.searchFor(search.trim())))}>
                  <span>{ts('searchFilesFor', { query: search.trim() })}</span>
                </Cmdk.Item>
              )}
              <Cmdk.Group heading={t('paletteActions')}>
                {commands.map((c) => {
                  const enabled = c.enabled(ctx);
                  const reason = enabled ? null : c.reason?.(ctx);
                  return (
                    <Cmdk.Item key={c.id} value={`${c.label} ${(c.keywords ?? []).join(' ')}`} disabled={!enabled} onSelect={() => run(() => c.run(ctx))}>
                      {reason ? (
                        <span>
                          {tc.rich('withReason', { label: c.label, reason: <small className="muted">{reason}</small> })}
                        </span>
                      ) : (
                        <span>{c.label}</span>
                      )}
                      {c.shortcut && <kbd>{shortcutLabel(c.shortcut)}</kbd>}
                    </Cmdk.Item>
                  );
                })}
              </Cmdk.Group>
              <Cmdk.Group heading={t('paletteHere')}>
                {items.slice(0, 500).map((m) => (
                  <Cmdk.Item key={m.id} value={`go ${m.name} ${m.id}`} onSelect={() => run(() => ctx.ui.open(m))}>
                    <ItemIcon item={m} size={18} /> <span dir="auto">{displayName(m.name)}</span>
                  </Cmdk.Item>
                ))}
              </Cmdk.Group>
              {folderHits.length > 0 && (
                <Cmdk.Group heading={t('folders')}>
                  {folderHits.map((f) => (
                    <Cmdk.Item key={f.folderid} value={`folder ${f.path} ${f.folderid}`} keywords={[search]} onSelect={() => run(() => navigate(paths.folder(f.folderid)))}>
                      <ItemIcon item={{ isfolder: true, icon: 'folder' }} size={18} /> <span dir="auto">{displayName(f.name)}</span>
                      <small className="muted" dir="auto">
                        {' '}
                        {f.path}
                      </small>
                    </Cmdk.Item>
                  ))}
                </Cmdk.Group>
              )}
              {q.length >= 2 && tree.isFetching && !tree.data && <Cmdk.Loading>{t('paletteSearching')}</Cmdk.Loading>}
            </Cmdk.List>
          </Cmdk>
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
