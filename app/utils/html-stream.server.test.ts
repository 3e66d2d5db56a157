import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { expect, test } from "vitest";
import { withoutNulBytes } from "./html-stream.server";

test("the NUL bytes React 18 leaves at a buffer's end are dropped, and every character of several bytes arrives whole", async () => {
  const value = Buffer.from("Каракалпакстан", "utf8");
  // As sent in one failed journey: "Ка", the zeros of an unwritten buffer end, then the rest.
  const chunks = [Buffer.from('<input value="'), value.subarray(0, 4), Buffer.from([0, 0]), value.subarray(4), Buffer.from('"/>')];
  expect(await text(Readable.from(chunks).pipe(withoutNulBytes()))).toBe('<input value="Каракалпакстан"/>');
  const plain = [Buffer.from("<p>Қарақалпақстан — دری</p>")];
  expect(await text(Readable.from(plain).pipe(withoutNulBytes()))).toBe("<p>Қарақалпақстан — دری</p>");
});
