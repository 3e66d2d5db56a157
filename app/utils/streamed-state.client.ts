import { RemixBrowser } from "@remix-run/react";

/**
 * The loader data of a page comes streamed inside it, and RemixBrowser's first render waits (suspends)
 * until that stream is decoded. A click or key press that reaches React in that moment makes React finish
 * hydrating the page at once, which a waiting render cannot: React 18 throws "Root did not complete" and
 * the page is left without its scripts. Decoding before hydration leaves no such moment.
 *
 * RemixBrowser offers no other way in: its first call starts the decoding and throws the promise it waits
 * on, before it touches anything of React's, so it is called here once and that promise awaited.
 */
export async function decodeStreamedState() {
  const context = window.__remixContext;
  if (!context?.future.v3_singleFetch || !context.stream) return;
  try {
    RemixBrowser({});
  } catch (thrown) {
    // Anything other than the promise is thrown again by the same render inside React, where it is reported.
    if (isThenable(thrown)) await thrown;
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === "object" && value !== null && typeof (value as { then?: unknown }).then === "function";
}
