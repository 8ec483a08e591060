import { menuGroups, shortcutLabel, type Command, type CommandContext, type CommandIcon, type MenuGroup } from './registry';

/** One entry of a command menu (context menu, the toolbar's "More"), as src/ui/popup-menu.tsx draws it. */
export interface CommandMenuItem {
  id: string;
  label: string;
  hint?: string;
  icon: CommandIcon;
  group: MenuGroup;
  danger: boolean;
  onSelect: () => void;
}

/**
 * The commands of `list` that apply to `ctx`, sorted into their menu groups (open, organise, share,
 * danger) and in registry order within a group. Commands without a menu group (view commands) are
 * left out. Menus are generated from here so a new command shows up everywhere with its icon.
 */
export function commandMenu(list: readonly Command[], ctx: CommandContext): CommandMenuItem[] {
  const rank = (g: MenuGroup) => menuGroups.indexOf(g);
  return list
    .filter((c): c is Command & { menuGroup: MenuGroup } => c.menuGroup !== undefined && c.enabled(ctx))
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c.menuGroup) - rank(b.c.menuGroup) || a.i - b.i)
    .map(({ c }) => ({
      id: c.id,
      label: c.label,
      hint: c.shortcut && shortcutLabel(c.shortcut),
      icon: c.icon,
      group: c.menuGroup,
      danger: c.menuGroup === 'danger',
      onSelect: () => c.run(ctx),
    }));
}
