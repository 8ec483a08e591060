// The account menu (theme, sign out). Its own chunk: Radix menus are not needed to paint the
// first route, so the shell shows a plain trigger until the menu is wanted (shell.tsx).
import { useNavigate } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { userInfoOptions } from '../queries/general';
import { logout } from '../api/auth';
import { signedOut } from '../stores/session';
import { themeChosen, useTheme } from '../stores/prefs';
import { Icon } from '../ui/icons';
import { paths } from './paths';
import { eraseOfflineCache } from './pwa/offline-cache';
import { UserMenuTrigger } from './user-menu-trigger';

export default function UserMenu({ defaultOpen }: { defaultOpen?: boolean }) {
  const { data } = useQuery(userInfoOptions());
  const qc = useQueryClient();
  const navigate = useNavigate();
  const theme = useTheme();
  const signOut = async () => {
    try {
      await logout({ retry: 0, timeoutMs: 5000 });
    } catch {
      /* signing out locally must work even when the server cannot be reached */
    }
    signedOut();
    qc.clear();
    await eraseOfflineCache();
    navigate(paths.welcome, { replace: true });
  };
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger asChild>
        <UserMenuTrigger email={data?.email} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" align="end" sideOffset={6}>
          <DropdownMenu.Label className="menu-label">{data?.email}</DropdownMenu.Label>
          <DropdownMenu.Separator className="menu-sep" />
          <DropdownMenu.RadioGroup value={theme} onValueChange={(v) => themeChosen(v as 'system' | 'light' | 'dark')}>
            {(['system', 'light', 'dark'] as const).map((t) => (
              <DropdownMenu.RadioItem key={t} value={t} className="menu-item">
                <DropdownMenu.ItemIndicator className="menu-check">✓</DropdownMenu.ItemIndicator>
                {t === 'system' ? 'Theme: follow system' : t === 'light' ? 'Theme: light' : 'Theme: dark'}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="menu-sep" />
          <DropdownMenu.Item className="menu-item" onSelect={() => void signOut()}>
            <Icon name="signout" /> Sign out
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
