/** The smallest part a cached answer streams in, unless a sentence or line ends first. */
const REPLAY_CHUNK_CHARS = 80;

/**
 * A cached answer's tokens regrouped for its replay: a model's tokens are often single words or
 * less, and replaying each in a turn of its own would take milliseconds per word; a sentence or
 * about a line at a time streams as a live answer reads.
 */
export function replayChunks(tokens: readonly string[]): string[] {
  const chunks: string[] = [];
  let chunk = '';
  for (const token of tokens) {
    chunk += token;
    if (chunk.length >= REPLAY_CHUNK_CHARS || /[.!?:]\s*$|\n$/.test(chunk)) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  if (chunk) chunks.push(chunk);
  return chunks;
}
