// Two people, two browsers: A shares a folder with B, B accepts (or declines), A changes and ends
// the share. Arrange through the API, act and assert through the UI.
import type { Page } from '@playwright/test';
import { test, expect, api, upload, newFolder, option, signedInPage } from './fixtures';

async function openShareDialog(page: Page, folder: string) {
  await option(page, folder).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Share with people…' }).click();
  await expect(page.getByRole('dialog', { name: `Share “${folder}”` })).toBeVisible();
  return page.getByRole('dialog', { name: `Share “${folder}”` });
}

interface Lists {
  shares: { incoming: { shareid: number }[]; outgoing: { shareid: number }[] };
  requests: { incoming: { sharerequestid: number }[]; outgoing: { sharerequestid: number }[] };
}

// alice shares (which needs a verified e-mail), bob receives: this worker's two accounts, each signed in once
test('share, accept, read-only, edit, remove — two people in two browsers', async ({ browser, verified: alice, account: bob }) => {
  test.setTimeout(120_000);
  const folderid = await newFolder(alice.token, 'Project <Plans>');
  await upload(alice.token, folderid, 'notes.txt', 'hello from alice');

  // A invites B from the share dialog; a bad address is explained and kept for fixing
  const a = await signedInPage(browser, alice);
  let dialog = await openShareDialog(a, 'Project <Plans>');
  await expect(dialog.getByText('Nobody else has access yet.')).toBeVisible();
  const invite = dialog.getByLabel('Invite people');
  await invite.fill('bob@nowhere');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByRole('alert')).toContainText('“bob@nowhere” is not a valid e-mail address.');
  await expect(invite).toHaveValue('bob@nowhere');
  await invite.fill(bob.email);
  await expect(dialog.getByLabel('Permission', { exact: true })).toHaveValue('0');
  await dialog.getByLabel('Message (optional)').fill('Plans for <b>2027</b>');
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  const people = dialog.getByRole('list', { name: 'People with access to Project <Plans>' });
  await expect(people.getByRole('listitem').filter({ hasText: bob.email })).toContainText('Invitation pending');
  await expect(invite).toHaveValue('');
  // inviting the same person twice is refused by the server; the address stays in the form
  await invite.fill(bob.email);
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog.getByRole('alert')).toContainText(bob.email);
  await expect(invite).toHaveValue(bob.email);
  await a.keyboard.press('Escape');
  await expect(option(a, 'Project <Plans>').getByRole('img', { name: 'Shared with others' })).toBeVisible();

  // B finds the invitation (with a count) and accepts it into "My files"
  const b = await signedInPage(browser, bob);
  await b.getByRole('link', { name: 'Shared' }).click();
  await expect(b.getByRole('tab', { name: /Invitations/ })).toHaveAttribute('aria-selected', 'true');
  await expect(b.getByRole('tab', { name: /Invitations/ })).toContainText('1');
  const card = b.getByRole('listitem', { name: 'Invitation to Project <Plans>' });
  await expect(card).toContainText(alice.email);
  await expect(card).toContainText('Can view');
  await expect(card.getByText('Plans for <b>2027</b>')).toBeVisible(); // the message stays text
  await card.getByRole('button', { name: 'Accept…' }).click();
  const accept = b.getByRole('dialog', { name: 'Accept “Project <Plans>”' });
  await expect(accept.getByLabel('Name in your files')).toHaveValue('Project <Plans>');
  await expect(accept).toContainText('My files');
  await accept.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(accept).toBeHidden();
  await expect(b.getByRole('tab', { name: /Invitations/ })).toContainText('0');
  await b.getByRole('tab', { name: /Shared with me/ }).click();
  await b.getByRole('link', { name: 'Open Project <Plans>' }).click();
  await expect(b).toHaveURL(new RegExp(`/folder/${folderid}$`));

  // B reads, but every write is disabled or refused with the server's reason
  await expect(option(b, 'notes.txt')).toBeVisible();
  await expect(b.getByRole('button', { name: 'New folder' })).toBeDisabled();
  await expect(b.getByRole('button', { name: 'Upload' }).first()).toBeDisabled();
  await option(b, 'notes.txt').dblclick();
  await expect(b.getByText('hello from alice')).toBeVisible();
  await b.keyboard.press('Escape');
  await option(b, 'notes.txt').click();
  // the share's rights (canmodify/candelete false) disable rename, move and delete, and say why
  for (const name of ['Rename', 'Move to…', 'Move to trash']) {
    await expect(b.getByRole('button', { name })).toBeDisabled();
    await expect(b.getByRole('button', { name })).toHaveAttribute('title', /owner of this shared folder did not allow this/);
  }
  await expect(option(b, 'notes.txt')).toBeVisible();

  // A raises B to "Can edit"; B can now create a folder there
  dialog = await openShareDialog(a, 'Project <Plans>');
  const bobRow = dialog.getByRole('listitem').filter({ hasText: bob.email });
  await expect(bobRow).toContainText('Has access since');
  await bobRow.getByLabel(`Permission for ${bob.email}`).selectOption({ label: 'Can edit' });
  await expect(a.getByText(`${bob.email}: can edit`)).toBeVisible();
  await expect.poll(async () => (await api<{ shares: { outgoing: { canmodify: boolean }[] } }>('listshares', {}, alice.token)).shares.outgoing[0].canmodify).toBe(true);

  // the live `modifiedsharein` event refreshes B's listings, so the new rights apply without a reload
  await expect(b.getByRole('button', { name: 'New folder' })).toBeEnabled({ timeout: 15_000 });
  await b.getByRole('button', { name: 'New folder' }).click();
  await b.getByLabel('Folder name').fill('From Bob');
  await b.getByRole('button', { name: 'Create' }).click();
  await expect(option(b, 'From Bob')).toBeVisible();
  const names = (await api<{ metadata: { contents: { name: string }[] } }>('listfolder', { folderid }, alice.token)).metadata.contents.map((c) => c.name);
  expect(names).toContain('From Bob');

  // A removes B; B loses the folder and is told so
  await bobRow.getByRole('button', { name: `Remove access for ${bob.email}` }).click();
  await expect(dialog.getByText('Nobody else has access yet.')).toBeVisible();
  await expect.poll(async () => (await api<Lists>('listshares', {}, bob.token)).shares.incoming.length).toBe(0);
  // the open folder learns it is gone (live update), and says why
  await expect(b.getByRole('alert').filter({ hasText: 'The folder no longer exists.' })).toBeVisible({ timeout: 20_000 });
  await b.goto('/shared?tab=with-me');
  await expect(b.getByRole('heading', { name: 'Nothing is shared with you' })).toBeVisible();
  await b.goto('/folder/0');
  await expect(option(b, 'Project <Plans>')).toHaveCount(0);
});

test('declining an invitation, cancelling one from "Shared by me", and leaving a share', async ({ browser, verified: alice, account: bob }) => {
  const holiday = await newFolder(alice.token, 'Holiday');
  const budget = await newFolder(alice.token, 'Budget');
  await api('sharefolder', { folderid: holiday, mail: bob.email, permissions: 7, message: 'Photos from the trip' }, alice.token);
  await api('sharefolder', { folderid: budget, mail: bob.email, permissions: 5 }, alice.token);

  // A cancels the budget invitation from the Shared page before B sees it
  const a = await signedInPage(browser, alice);
  await a.goto('/shared?tab=by-me');
  const budgetCard = a.getByRole('list', { name: 'Folders shared by me' }).getByRole('listitem').filter({ has: a.getByRole('link', { name: 'Budget' }) });
  await expect(budgetCard).toContainText('Can view, add and delete');
  await budgetCard.getByRole('button', { name: `Cancel invitation to ${bob.email}` }).click();
  await expect(budgetCard).toHaveCount(0);
  await expect.poll(async () => (await api<Lists>('listshares', {}, alice.token)).requests.outgoing.length).toBe(1);

  // B declines the holiday invitation
  const b = await signedInPage(browser, bob);
  await b.goto('/shared');
  await expect(b.getByRole('tab', { name: /Invitations/ })).toContainText('1');
  const card = b.getByRole('listitem', { name: 'Invitation to Holiday' });
  await expect(card).toContainText('Can edit');
  await expect(card).toContainText('Photos from the trip');
  await card.getByRole('button', { name: 'Decline' }).click();
  await b.getByRole('dialog', { name: 'Decline “Holiday”?' }).getByRole('button', { name: 'Decline', exact: true }).click();
  await expect(b.getByRole('heading', { name: 'No invitations' })).toBeVisible();
  await expect.poll(async () => (await api<Lists>('listshares', {}, alice.token)).requests.outgoing.length).toBe(0);
  expect((await api<Lists>('listshares', {}, bob.token)).shares.incoming).toEqual([]);

  // B leaves a folder accepted earlier; A sees the share end
  const archive = await newFolder(alice.token, 'Archive');
  await api('sharefolder', { folderid: archive, mail: bob.email, permissions: 0 }, alice.token);
  const offer = (await api<Lists>('listshares', {}, bob.token)).requests.incoming[0];
  await api('acceptshare', { sharerequestid: offer.sharerequestid }, bob.token);
  await b.goto('/shared?tab=with-me');
  await b.getByRole('button', { name: 'Leave Archive' }).click();
  await b.getByRole('dialog', { name: 'Leave “Archive”?' }).getByRole('button', { name: 'Leave folder' }).click();
  await expect(b.getByRole('heading', { name: 'Nothing is shared with you' })).toBeVisible();
  await expect.poll(async () => (await api<Lists>('listshares', {}, alice.token)).shares.outgoing.length).toBe(0);
});
