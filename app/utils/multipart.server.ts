// Reading a form sent as multipart/form-data with a file in it, with busboy (which reads any file
// name a browser sends, `a=b.pdf` or `x; y.pdf` included), without holding the whole body: the file
// part streams to whoever takes it, the small text fields are collected.
import { Readable } from "node:stream";
import busboy from "busboy";

/** How much of a body may be a form: the number of fields and parts, and each field's size. */
export type MultipartLimits = { fields: number; fieldSize: number; parts: number };

/**
 * Reads `request` as a multipart form. Text fields go into `formData`; each part of the field `file`
 * is offered to `takeFile`, which returns the work of reading it (a promise that settles when the
 * stream is read) or null to leave it, when it is read and thrown away. Null when the body is not a
 * well-formed form within `limits`, or ends before the form does (the files' work has settled by then).
 * `badField` says a field's name or value went beyond the limits.
 */
export async function readMultipartForm(
  request: Request,
  limits: MultipartLimits,
  takeFile: (stream: Readable, info: busboy.FileInfo) => Promise<void> | null,
): Promise<{ formData: FormData; badField: boolean } | null> {
  const contentType = request.headers.get("Content-Type") ?? "";
  if (!request.body || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, limits, defParamCharset: "utf8" });
  } catch {
    return null;
  }
  const formData = new FormData();
  let badField = false;
  const reading: Promise<void>[] = [];
  parser.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) badField = true;
    else formData.append(name, value);
  });
  parser.on("file", (name, stream, info) => {
    // A body that ends mid-file errors this stream, perhaps before it is read: the error is seen where it is read, or not at all for a part left.
    stream.on("error", () => undefined);
    const work = name === "file" ? takeFile(stream, info) : null;
    if (!work) {
      stream.resume();
      return;
    }
    // A body that ends mid-file fails this too; that failure is handled once the whole form is read.
    work.catch(() => undefined);
    reading.push(work);
  });
  const parsed = new Promise<void>((resolve, reject) => {
    parser.on("close", resolve);
    parser.on("error", reject);
    parser.on("partsLimit", () => reject(new Error("too many parts")));
    parser.on("fieldsLimit", () => reject(new Error("too many fields")));
  });
  const body = Readable.from(request.body as unknown as AsyncIterable<Uint8Array>);
  body.on("error", (error) => parser.destroy(error));
  body.pipe(parser);
  try {
    await parsed;
    await Promise.all(reading);
  } catch {
    await Promise.allSettled(reading);
    body.destroy();
    return null;
  }
  return { formData, badField };
}
