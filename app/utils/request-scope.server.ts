// What one HTTP request works out once, however many loaders (and the document's render) ask.
// Remix hands each loader and the render a Request of its own for the same HTTP request, so a
// value kept per Request object would be worked out again by each; the server runs every request
// inside a scope of its own (`runInRequestScope`), in which a reading request (GET, HEAD) keeps each
// value once. A request that may write (an action) keeps values per Request object only: what the
// action changes (a name, a language, a session) is read again by the loaders that follow it.
import { AsyncLocalStorage } from "node:async_hooks";

declare global {
  var __ortaqRequestScope: AsyncLocalStorage<Map<string, unknown>> | undefined;
}

// One scope for the server and the app's build, which each hold their own copy of this module.
const scope = (globalThis.__ortaqRequestScope ??= new AsyncLocalStorage<Map<string, unknown>>());

const READS_AFRESH = "\0readsAfresh";

/**
 * Runs `handle` (the rest of one HTTP request's handling) in a scope of its own; with `afresh`, the
 * request reads nothing kept for every reader (its visitor has just changed something).
 */
export function runInRequestScope<T>(handle: () => T, { afresh = false }: { afresh?: boolean } = {}): T {
  return scope.run(new Map([[READS_AFRESH, afresh]]), handle);
}

/** Whether the request being handled must read nothing kept for every reader (see runInRequestScope). */
export function readsAfresh() {
  return scope.getStore()?.get(READS_AFRESH) === true;
}

/** Whether a request of this method only reads (GET, HEAD); any other may change data. */
export function isReadingMethod(method: string) {
  return method === "GET" || method === "HEAD";
}

const perRequestObject = new WeakMap<Request, Map<string, unknown>>();

/** `make()` once per HTTP request for a reading request in a scope, else once per Request object. */
export function oncePerRequest<T>(request: Request, name: string, make: () => T): T {
  const reading = isReadingMethod(request.method);
  const shared = reading ? scope.getStore() : undefined;
  let values = shared ?? perRequestObject.get(request);
  if (!values) {
    values = new Map();
    perRequestObject.set(request, values);
  }
  // The cookie header is part of the name: in one scope, only the same visitor's value is reused.
  const key = `${name} ${request.headers.get("Cookie") ?? ""}`;
  if (!values.has(key)) values.set(key, make());
  return values.get(key) as T;
}
