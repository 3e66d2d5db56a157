import { createReadableStreamFromReadable, type AppLoadContext, type EntryContext, type HandleErrorFunction } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { KeptHtmlProvider } from "~/components/kept-html";
import { htmlBodyStream } from "~/utils/html-stream.server";
import { getLanguage, i18nFor } from "~/utils/i18next.server";
import { keptHtml } from "~/utils/kept-html.server";
import { NonceProvider } from "~/utils/nonce";

/**
 * How long the streamed part of a page (Remix's hydration data, deferred values) may take once the page's
 * shell has been sent; Remix stops waiting for deferred values a little earlier (`streamTimeout`). The
 * wait starts when the shell is ready, not when rendering starts: on a busy machine the shell itself can
 * take seconds, and aborting it then turned a slow page into a 500.
 */
const ABORT_DELAY = 30_000;
export const streamTimeout = ABORT_DELAY - 1_000;
/** A render whose shell is not ready after this long is abandoned (answered with the error page). */
const SHELL_TIMEOUT = 120_000;

/**
 * What Remix meets outside a route's own answers is logged with its stack, as Remix does by default, but
 * for requests whose reader has gone and for a POST to a page that takes no form: that gets 405, the
 * asker's mistake (a crawler or a stale form), and logging each would fill the log with stacks.
 */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status === 405) return;
  // A response Remix made for an error (a loader's failure) carries the error itself, whose stack is logged.
  const cause = isRouteErrorResponse(error) ? (error as { error?: unknown }).error : undefined;
  console.error(cause ?? error);
};

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const instance = await i18nFor(await getLanguage(request));
  const nonce = (loadContext as { cspNonce?: string }).cspNonce ?? "";
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const timers: { shell?: ReturnType<typeof setTimeout> } = {};
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <KeptHtmlProvider value={keptHtml}>
            <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
          </KeptHtmlProvider>
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true;
          clearTimeout(timers.shell);
          const streamTimer = setTimeout(abort, ABORT_DELAY);
          streamTimer.unref();
          // React 18 can leave NUL bytes beside a character of several bytes (dropped here), and writes in 2 KB pieces (sent on together).
          const body = htmlBodyStream();
          body.on("finish", () => clearTimeout(streamTimer));
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // A reader who goes away before the page is sent aborts the request, then closes the page's body
          // (the adapter stops reading it): React reports "The destination stream closed early", not logged.
          if (shellRendered && !request.signal.aborted) console.error(error);
        },
      },
    );
    timers.shell = setTimeout(abort, SHELL_TIMEOUT);
    timers.shell.unref();
  });
}
