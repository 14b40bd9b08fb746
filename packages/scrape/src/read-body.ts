/** A response body as undici exposes it (a web ReadableStream of bytes). */
type Body = ReadableStream<Uint8Array> | null | undefined;

/**
 * Reads a (possibly decompressed) body into bytes, stopping and cancelling the stream as soon as
 * more than `limit` bytes arrive — so a 50 MB page or a gzip bomb costs at most `limit` of memory.
 */
export async function readCapped(body: Body, limit: number, onTooLarge: () => Error): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw onTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
