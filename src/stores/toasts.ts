import { create } from 'zustand';

export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'error' | 'progress';
  message: string;
  /** 0..1 for progress toasts */
  progress?: number;
  action?: { label: string; run: () => void };
  /** ms until it disappears; 0 = sticky */
  timeout: number;
}

const useToastStore = create<{ toasts: Toast[] }>()(() => ({ toasts: [] }));
let nextId = 1;

export const useToasts = () => useToastStore((s) => s.toasts);

export function toast(t: Omit<Toast, 'id' | 'timeout'> & { timeout?: number }): number {
  const id = nextId++;
  const timeout = t.timeout ?? (t.kind === 'error' ? 8000 : t.kind === 'progress' ? 0 : 4000);
  useToastStore.setState((s) => ({ toasts: [...s.toasts.slice(-4), { ...t, id, timeout }] }));
  if (timeout > 0) setTimeout(() => dismissToast(id), timeout);
  return id;
}

export function updateToast(id: number, patch: Partial<Omit<Toast, 'id'>>): void {
  useToastStore.setState((s) => ({ toasts: s.toasts.map((t) => (t.id === id ? { ...t, ...patch } : t)) }));
  if (patch.timeout) setTimeout(() => dismissToast(id), patch.timeout);
}

export function dismissToast(id: number): void {
  useToastStore.setState((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) }));
}

export function resetToastStore(): void {
  useToastStore.setState({ toasts: [] });
}
