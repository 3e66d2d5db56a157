// The server's bundles are written in ASCII alone. V8 keeps each module's source text for as long as
// the module lives, as one byte per character when every character is ASCII and two otherwise: one
// letter outside ASCII in a comment or a regular expression (which esbuild and Rollup leave as they
// are) doubles the memory the whole file takes in every server process.

/** JavaScript source with each UTF-16 unit outside ASCII written as a `\uXXXX` escape, which means the same in strings, templates, regular expressions and identifiers. */
export function asciiSource(source: string): string {
  return source.replace(/[^\x00-\x7f]/g, (unit: string, offset: number) => {
    // After a backslash the escape would be read as an escaped backslash followed by text.
    if (source[offset - 1] === "\\")
      throw new Error(`a character outside ASCII follows a backslash at offset ${offset}: it cannot be escaped there`);
    return `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`;
  });
}
