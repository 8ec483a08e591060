// Multipart bodies for uploadfile / uploadtolink / uploadtransfer. pCloud takes each stored file's
// name from the part's `filename` and ignores the field name (docs/pcloud/protocol.md §1.1).
import type { UploadPart } from './types';

export function toFormData(parts: readonly UploadPart[]): FormData {
  const form = new FormData();
  parts.forEach((part, index) => {
    if (part instanceof File) form.append(`file${index}`, part, part.name);
    else form.append(`file${index}`, part.data, part.name);
  });
  return form;
}
