// The account menu (theme, sign out). Its own chunk: Radix menus are not needed to paint the
// first route, so the shell shows a plain trigger until the menu is wanted (shell.tsx).
import { useLocation } from 'wouter';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { userInfoOptions } from '../queries/general';
import { signOutHere } from '../commands/sign-out';
import { themeChosen, useTheme } from '../stores/prefs';
import { Icon } from '../ui/icons';
import { paths } from '../routing/paths';
import { UserMenuTrigger } from './user-menu-trigger';
import { useT } from '../i18n';
import app from '../locales/en/app';

export default function UserMenu({ defaultOpen }: { defaultOpen?: boolean }) {
  const { data } = useQuery(userInfoOptions());
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const theme = useTheme();
  const t = useT(app);
  const signOut = async () => {
    await signOutHere(qc);
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
            {(['system', 'light', 'dark'] as const).map((v) => (
              <DropdownMenu.RadioItem key={v} value={v} className="menu-item">
                <DropdownMenu.ItemIndicator className="menu-check">✓</DropdownMenu.ItemIndicator>
                {t(v === 'system' ? 'themeSystem' : v === 'light' ? 'themeLight' : 'themeDark')}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
          <DropdownMenu.Separator className="menu-sep" />
          <DropdownMenu.Item className="menu-item" onSelect={() => void signOut()}>
            <Icon name="signout" /> {t('signOut')}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
