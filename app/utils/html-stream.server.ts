import { Transform } from "node:stream";

/**
 * A pass-through for React 18's streamed HTML that drops NUL bytes. React 18 encodes the page into
 * 2 KB buffers and, when a character of several bytes (Cyrillic, Perso-Arabic, a dash) would straddle
 * a buffer's end, sends the buffer's unwritten last bytes as zeros (facebook/react#26228, fixed after
 * 18.3): a browser shows them as "�" and sends them back in a form. A NUL byte is never part of
 * another character in UTF-8, and Ortaq never stores one in text people wrote, so dropping every
 * one is safe.
 */
export function withoutNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      if (!chunk.includes(0)) return callback(null, chunk);
      const kept = Buffer.allocUnsafe(chunk.length);
      let length = 0;
      for (const byte of chunk) if (byte !== 0) kept[length++] = byte;
      callback(null, kept.subarray(0, length));
    },
  });
}
