import { Fragment } from "react";

/**
 * Plain text as the person typed it: a blank line starts a new paragraph, a single line break
 * stays a line break. The text is never read as HTML (React escapes it), so nothing in it can
 * become markup.
 */
export function Paragraphs({ text, className }: { text: string; className?: string }) {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n[ \t]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  return (
    <>
      {paragraphs.map((paragraph, p) => (
        <p key={p} className={className}>
          {paragraph.split("\n").map((line, l) => (
            <Fragment key={l}>
              {l > 0 ? <br /> : null}
              {line}
            </Fragment>
          ))}
        </p>
      ))}
    </>
  );
}
