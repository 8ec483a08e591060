import { useEffect, useState } from 'react';
import type { FileMetadata } from '../../api/protocol/types';
import { fetchContent } from '../../api/client';
import type { Loaded, PreviewSource } from '../source';

/** The file's bytes, fetched once its content URL is known (aborted when the previewer closes). */
export function useFileBytes(source: PreviewSource, file: FileMetadata): Loaded<Uint8Array> {
  const url = source.useFileUrl(file);
  const [state, setState] = useState<{ url?: string; data?: Uint8Array; error?: unknown }>({});
  useEffect(() => {
    if (!url.data) return;
    const abort = new AbortController();
    fetchContent(url.data, abort.signal).then(
      (buf) => setState({ url: url.data, data: new Uint8Array(buf) }),
      (error: unknown) => !abort.signal.aborted && setState({ url: url.data, error }),
    );
    return () => abort.abort();
  }, [url.data]);
  return { data: state.url === url.data ? state.data : undefined, error: url.error ?? (state.url === url.data ? state.error : undefined) };
}

/** The extension, lower case, without the dot. */
export const extensionOf = (name: string) => (name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '');
