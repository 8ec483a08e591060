// The id of a browser the user chose to trust for two-step verification: kept by the password
// sign-in (features/auth), forgotten by "sign out everywhere" (commands/sign-out). Only the id lives
// here, in localStorage so it outlives the session.
const DEVICE_ID = 'pcloud.deviceid';

export const keptDeviceId = (): string | null => localStorage.getItem(DEVICE_ID);

export function keepDeviceId(id: string): void {
  localStorage.setItem(DEVICE_ID, id);
}

/** Forgets this browser's trusted-device id ("sign out everywhere" ends the trust too). */
export function forgetTrustedDevice(): void {
  localStorage.removeItem(DEVICE_ID);
}
