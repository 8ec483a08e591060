import { Command as Cmdk } from 'cmdk';
import * as RD from '@radix-ui/react-dialog';
import type { Metadata } from '../../api/protocol/types';
import { commands } from '../../commands/file-commands';
import { shortcutLabel, type CommandContext } from '../../commands/registry';
import { ItemIcon } from '../../ui/icons';

/** Ctrl/Cmd+K: find any action, or a folder/file of this listing, by typing. */
export function CommandPalette({ open, onOpenChange, ctx, items }: { open: boolean; onOpenChange: (o: boolean) => void; ctx: CommandContext; items: readonly Metadata[] }) {
  const run = (f: () => void) => {
    onOpenChange(false);
    setTimeout(f, 0);
  };
  return (
    <RD.Root open={open} onOpenChange={onOpenChange}>
      <RD.Portal>
        <RD.Overlay className="overlay" />
        <RD.Content className="palette" aria-describedby={undefined}>
          <RD.Title className="sr-only">Command palette</RD.Title>
          <Cmdk label="Command palette" loop>
            <Cmdk.Input placeholder="Type a command or a name…" aria-label="Command or name" autoFocus />
            <Cmdk.List>
              <Cmdk.Empty>Nothing matches.</Cmdk.Empty>
              <Cmdk.Group heading="Actions">
                {commands.map((c) => {
                  const enabled = c.enabled(ctx);
                  return (
                    <Cmdk.Item key={c.id} value={`${c.label} ${(c.keywords ?? []).join(' ')}`} disabled={!enabled} onSelect={() => run(() => c.run(ctx))}>
                      <span>{c.label}</span>
                      {!enabled && c.reason?.(ctx) && <small className="muted"> — {c.reason(ctx)}</small>}
                      {c.shortcut && <kbd>{shortcutLabel(c.shortcut)}</kbd>}
                    </Cmdk.Item>
                  );
                })}
              </Cmdk.Group>
              <Cmdk.Group heading="In this folder">
                {items.slice(0, 500).map((m) => (
                  <Cmdk.Item key={m.id} value={`go ${m.name} ${m.id}`} onSelect={() => run(() => ctx.ui.open(m))}>
                    <ItemIcon item={m} size={18} /> <span dir="auto">{m.name}</span>
                  </Cmdk.Item>
                ))}
              </Cmdk.Group>
            </Cmdk.List>
          </Cmdk>
        </RD.Content>
      </RD.Portal>
    </RD.Root>
  );
}
