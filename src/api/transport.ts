// Low-level senders used by client.ts: fetch for everything, XMLHttpRequest only when the caller
// wants upload progress (fetch exposes no upload progress events).

export interface WireRequest {
  httpMethod: 'GET' | 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body: string | FormData | Blob | ArrayBuffer | undefined;
  /** Let the request finish after the page is gone (plain calls only). */
  keepalive?: boolean;
}

/** The common subset of a fetch Response and a finished XHR. */
export interface WireReply {
  status: number;
  header(name: string): string | null;
  text(): Promise<string>;
  /** Present on the fetch path, so binary methods can hand out the body stream. */
  response?: Response;
}

export async function sendFetch(fetchImpl: typeof fetch, req: WireRequest, signal: AbortSignal): Promise<WireReply> {
  const response = await fetchImpl(req.url, {
    method: req.httpMethod,
    headers: req.headers,
    body: req.body,
    signal,
    // pCloud answers 7010 to link methods whose Referer is a foreign page (docs/pcloud/protocol.md §7).
    referrerPolicy: 'no-referrer',
    // Cookies are merged into pCloud's parameters; a stray `auth` cookie must not override ours.
    credentials: 'omit',
    cache: 'no-store',
    ...(req.keepalive ? { keepalive: true } : {}),
  });
  return {
    status: response.status,
    header: (name) => response.headers.get(name),
    text: () => response.text(),
    response,
  };
}

function bodySize(body: WireRequest['body']): number {
  if (body instanceof Blob) return body.size;
  if (body instanceof ArrayBuffer) return body.byteLength;
  return 0;
}

/**
 * XHR cannot set a referrer policy; uploads are not referrer-checked by pCloud, so the page's
 * own policy is acceptable here.
 */
export function sendXhr(
  createXhr: () => XMLHttpRequest,
  req: WireRequest,
  signal: AbortSignal,
  onUploadProgress: (sent: number, total: number) => void,
): Promise<WireReply> {
  return new Promise<WireReply>((resolve, reject) => {
    const xhr = createXhr();
    const abortReason = (): unknown => signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    if (signal.aborted) {
      reject(abortReason());
      return;
    }
    const onAbort = (): void => xhr.abort();
    signal.addEventListener('abort', onAbort, { once: true });
    const done = (): void => signal.removeEventListener('abort', onAbort);

    xhr.open(req.httpMethod, req.url, true);
    xhr.responseType = 'text';
    xhr.withCredentials = false;
    for (const [name, value] of Object.entries(req.headers)) xhr.setRequestHeader(name, value);

    const knownTotal = bodySize(req.body);
    xhr.upload.onprogress = (event: ProgressEvent) => {
      onUploadProgress(event.loaded, event.lengthComputable ? event.total : knownTotal);
    };
    xhr.onload = () => {
      done();
      const text = xhr.responseText;
      resolve({ status: xhr.status, header: (name) => xhr.getResponseHeader(name), text: () => Promise.resolve(text) });
    };
    xhr.onerror = () => {
      done();
      reject(new TypeError('Network request failed'));
    };
    xhr.onabort = () => {
      done();
      reject(abortReason());
    };
    xhr.send(req.body ?? null);
  });
}
