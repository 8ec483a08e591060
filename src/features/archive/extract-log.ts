// The extractor's text log (extractarchive `output[]`) turned into counts for a summary. The log's
// wording is the server's; lines end in "OK." for an extracted file and "skipped." when skipped.
export interface ExtractionSummary {
  extracted: number;
  skipped: number;
  errors: number;
}

export function summariseExtraction(lines: readonly string[]): ExtractionSummary {
  let extracted = 0;
  let skipped = 0;
  let errors = 0;
  for (const raw of lines) {
    const line = raw.trim();
    if (/\.\.\.\s*ok\.?$/i.test(line)) extracted++;
    else if (/\.\.\.\s*skipped\.?$/i.test(line)) skipped++;
    else if (/\b(error|failed|cannot|can't)\b/i.test(line)) errors++;
  }
  return { extracted, skipped, errors };
}
