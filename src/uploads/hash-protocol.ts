// Messages between the uploader and hash-worker.ts.
export type HashRequest =
  | { req: number; op: 'append'; key: string; blob: Blob }
  | { req: number; op: 'digest'; key: string }
  | { req: number; op: 'peek'; key: string }
  | { req: number; op: 'drop'; key: string };

export interface HashReply {
  req: number;
  hex?: string;
  error?: string;
}
