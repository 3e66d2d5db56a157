import { Transform } from "node:stream";

/** Where the pieces written in one turn of the event loop are sent on together, at the latest. */
const LARGEST_PIECE = 64 * 1024;

/**
 * The stream a page's HTML leaves React 18 through:
 * - It drops NUL bytes. React 18 encodes the page into 2 KB buffers and, when a character of several
 *   bytes (Cyrillic, Perso-Arabic, a dash) would straddle a buffer's end, sends the buffer's unwritten
 *   last bytes as zeros (facebook/react#26228, fixed after 18.3): a browser shows them as "�" and
 *   sends them back in a form. A NUL byte is never part of another character in UTF-8, and Ortaq
 *   never stores one in text people wrote, so dropping every one is safe.
 * - It sends on what React writes in one turn of the event loop as one piece (up to 64 KB), instead
 *   of React's 2 KB buffers one by one: each piece costs the streams and the compression after it
 *   work of its own, which for a page of 50–100 KB was several milliseconds. What React writes later
 *   (a deferred part of the page) still leaves as soon as it is written.
 */
export function htmlBodyStream(): Transform {
  let pieces: Buffer[] = [];
  let size = 0;
  let later: NodeJS.Immediate | undefined;
  const release = (stream: Transform) => {
    if (later) clearImmediate(later);
    later = undefined;
    if (size === 0) return;
    stream.push(pieces.length === 1 ? pieces[0] : Buffer.concat(pieces, size));
    pieces = [];
    size = 0;
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      const kept = withoutNulBytes(chunk);
      pieces.push(kept);
      size += kept.length;
      if (size >= LARGEST_PIECE) release(this);
      else later ??= setImmediate(() => release(this));
      callback();
    },
    flush(callback) {
      release(this);
      callback();
    },
  });
  stream.on("close", () => clearImmediate(later));
  return stream;
}

function withoutNulBytes(chunk: Buffer): Buffer {
  if (!chunk.includes(0)) return chunk;
  const kept = Buffer.allocUnsafe(chunk.length);
  let length = 0;
  for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
  return kept.subarray(0, length);
}
