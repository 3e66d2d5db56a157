/** Text a person wrote, cut to a readable length on a word boundary. */
export function excerpt(text: string, max = 600): string {
  const flat = text.replace(/\r\n?/g, "\n").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${cut.slice(0, space > max * 0.6 ? space : max).trimEnd()} …`;
}
