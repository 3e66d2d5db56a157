// Needs no database.
import { PassThrough, Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { setImmediate as nextTurn } from "node:timers/promises";
import { expect, test } from "vitest";
import { htmlBodyStream } from "./html-stream.server";

test("the NUL bytes React 18 leaves at a buffer's end are dropped, and every character of several bytes arrives whole", async () => {
  const value = Buffer.from("Каракалпакстан", "utf8");
  // As sent in one failed journey: "Ка", the zeros of an unwritten buffer end, then the rest.
  const chunks = [Buffer.from('<input value="'), value.subarray(0, 4), Buffer.from([0, 0]), value.subarray(4), Buffer.from('"/>')];
  expect(await text(Readable.from(chunks).pipe(htmlBodyStream()))).toBe('<input value="Каракалпакстан"/>');
  const plain = [Buffer.from("<p>Қарақалпақстан — دری</p>")];
  expect(await text(Readable.from(plain).pipe(htmlBodyStream()))).toBe("<p>Қарақалпақстан — دری</p>");
});

/** The pieces a stream sends on, as they arrive. */
function piecesOf(stream: PassThrough) {
  const pieces: string[] = [];
  stream.on("data", (piece: Buffer) => pieces.push(piece.toString()));
  return pieces;
}

test("what is written in one turn leaves as one piece, and what is written later still leaves without waiting for the end", async () => {
  const body = htmlBodyStream();
  const out = body.pipe(new PassThrough());
  const pieces = piecesOf(out);
  for (let i = 0; i < 40; i++) body.write(Buffer.from(`<p>${i}</p>`));
  await nextTurn();
  await nextTurn();
  expect(pieces).toEqual([Array.from({ length: 40 }, (_, i) => `<p>${i}</p>`).join("")]);
  // A deferred part of the page, written in a later turn: sent on while the stream is still open.
  body.write(Buffer.from("<template>later</template>"));
  await nextTurn();
  await nextTurn();
  expect(pieces).toEqual([expect.any(String), "<template>later</template>"]);
  body.end(Buffer.from("</html>"));
  await new Promise((resolve) => out.on("end", resolve));
  expect(pieces.at(-1)).toBe("</html>");
});

test("a page larger than one piece leaves in pieces of at most 64 KB, whole and in order", async () => {
  const body = htmlBodyStream();
  const out = body.pipe(new PassThrough());
  const sizes: number[] = [];
  out.on("data", (piece: Buffer) => sizes.push(piece.length));
  const page = Array.from({ length: 100 }, (_, i) => `<p>${String(i).padStart(3, "0")}${"x".repeat(2_040)}</p>`);
  const whole = text(out);
  for (const part of page) body.write(Buffer.from(part));
  body.end();
  expect(await whole).toBe(page.join(""));
  expect(sizes.length).toBeGreaterThan(1);
  expect(sizes.length).toBeLessThan(10);
  expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024 + 2_048);
});
