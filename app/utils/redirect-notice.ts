/** Adds `name=value` to a same-site path's query, keeping any #fragment at the end. */
export function withNotice(path: string, name: string, value: string) {
  const hashAt = path.indexOf("#");
  const base = hashAt === -1 ? path : path.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : path.slice(hashAt);
  return `${base}${base.includes("?") ? "&" : "?"}${encodeURIComponent(name)}=${encodeURIComponent(value)}${hash}`;
}
