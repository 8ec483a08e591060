// "?": every keyboard shortcut, read from the command registry and the page shortcuts listed next to
// it (src/commands), so the sheet cannot drift from what the keys do.
import { useMemo, useState } from 'react';
import { commands } from '../../commands/file-commands';
import { pageShortcuts, shortcutLabel } from '../../commands/registry';
import { Dialog } from '../../ui/dialog';
import { useT } from '../../i18n';
import search from '../../locales/en/search';

export function shortcutRows(): { id: string; label: string; keys: string }[] {
  return [
    ...pageShortcuts.map((p) => ({ id: p.id, label: p.label(), keys: shortcutLabel(p.shortcut) })),
    ...commands.filter((c) => c.shortcut).map((c) => ({ id: c.id, label: c.label, keys: shortcutLabel(c.shortcut!) })),
  ];
}

export function ShortcutSheet({ onClose }: { onClose: () => void }) {
  const t = useT(search);
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const all = shortcutRows();
    return q ? all.filter((r) => r.label.toLowerCase().includes(q) || r.keys.toLowerCase().includes(q)) : all;
    // labels follow the language: recomputed when it changes
  }, [filter, t]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()} title={t('shortcutsTitle')}>
      <div className="shortcut-sheet">
        <input type="search" autoFocus value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t('shortcutsFilter')} aria-label={t('shortcutsFilter')} />
        {rows.length === 0 ? (
          <p className="muted">{t('shortcutsNone', { query: filter })}</p>
        ) : (
          <ul aria-label={t('shortcutsTitle')}>
            {rows.map((r) => (
              <li key={r.id}>
                <span>{r.label}</span>
                <kbd>{r.keys}</kbd>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Dialog>
  );
}
