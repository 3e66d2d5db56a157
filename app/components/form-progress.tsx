import { useFetchers, useNavigation } from "@remix-run/react";
import { startTransition, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

// Every form the page sends itself (Remix's <Form> and fetcher forms) shows that it is being sent
// and ignores a second press meanwhile, without each page doing anything: see
// docs/decisions/022-form-progress.md. Without JavaScript none of this runs and forms are plain.

const PENDING = "data-pending";
/** The name of the button Conform submits with when it checks a field in the browser. */
const CHECK_INTENT = "__intent__";

/** Forms marked by the page-wide listener (or handed to it), unmarked when the page has nothing in flight. */
const untilIdle = new Set<HTMLFormElement>();
/** The button shown as busy for each marked form. */
const buttons = new WeakMap<HTMLFormElement, HTMLElement>();
/** Tells the mounted FormProgress how many forms wait for the page to be idle. */
let announce: ((count: number) => void) | null = null;

/** The button that sent the form: the one pressed, or the form's default button (Enter in a field). */
function buttonOf(form: HTMLFormElement, submitter: HTMLElement | null) {
  return submitter ?? form.querySelector<HTMLElement>('button:not([type]), button[type="submit"], input[type="submit"]');
}

/**
 * Shows `form` as being sent: its button says so (`aria-busy`, `aria-disabled`, a spinner in CSS) and
 * another submit of the form is ignored until `clearBusy`. Call it only once the submit event has
 * been read (the button's name and value are part of what is sent; nothing here disables it).
 */
export function markBusy(form: HTMLFormElement, submitter: HTMLElement | null) {
  form.setAttribute(PENDING, "");
  const button = buttonOf(form, submitter);
  if (button) {
    button.setAttribute("aria-busy", "true");
    button.setAttribute("aria-disabled", "true");
    buttons.set(form, button);
  }
}

/** The form can be sent again. */
export function clearBusy(form: HTMLFormElement) {
  form.removeAttribute(PENDING);
  const button = buttons.get(form);
  button?.removeAttribute("aria-busy");
  button?.removeAttribute("aria-disabled");
  buttons.delete(form);
  untilIdle.delete(form);
}

/** Keeps `form` busy until the page's navigation and fetchers are idle (after a form that sent itself navigates). */
export function clearBusyWhenIdle(form: HTMLFormElement) {
  untilIdle.add(form);
  startTransition(() => announce?.(untilIdle.size));
}

/** A second submit of a form being sent goes nowhere: the page's own handlers never see it. */
function ignoreWhilePending(event: SubmitEvent) {
  if (event.target instanceof HTMLFormElement && event.target.hasAttribute(PENDING)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}

/**
 * After every handler ran: a submit that someone prevented was taken over by the page (Remix sends
 * it with fetch), so its form is marked. A form that is sent the browser's own way (`reloadDocument`,
 * a plain `<form>`) is not touched: the browser shows that page load itself.
 */
function markTakenOver(event: SubmitEvent) {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !event.defaultPrevented || form.hasAttribute(PENDING)) return;
  // The form's own checks (a field left, a list changed) are submits with a button of their own,
  // prevented and never sent: the form stays ready for the person's own press.
  if (event.submitter?.getAttribute("name") === CHECK_INTENT) return;
  markBusy(form, event.submitter);
  untilIdle.add(form);
  // Rendered in the same transition as the router's own state change from this submit, so the
  // check below sees whether a request went out (a form refused by its checks in the browser, or a
  // step the person cancelled, sent nothing and is unmarked at once).
  startTransition(() => announce?.(untilIdle.size));
}

/** Rendered once in the root layout: listens to every form of the page and says "Sending…" to screen readers. */
export function FormProgress() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const [pending, setPending] = useState(0);
  // Says (to end-to-end tests, and to anyone looking) that the page's scripts run and forms are watched.
  const [listening, setListening] = useState(false);
  const busy = navigation.state !== "idle" || fetchers.some((fetcher) => fetcher.state !== "idle");

  useEffect(() => {
    announce = setPending;
    setListening(true);
    window.addEventListener("submit", ignoreWhilePending, true);
    window.addEventListener("submit", markTakenOver);
    return () => {
      announce = null;
      window.removeEventListener("submit", ignoreWhilePending, true);
      window.removeEventListener("submit", markTakenOver);
    };
  }, []);

  useEffect(() => {
    if (busy || pending === 0) return;
    for (const form of [...untilIdle]) clearBusy(form);
    setPending(0);
  }, [busy, pending]);

  return (
    <div aria-live="polite" className="visually-hidden" data-form-progress={listening ? "listening" : undefined}>
      {busy && pending > 0 ? t("forms.sending") : ""}
    </div>
  );
}
