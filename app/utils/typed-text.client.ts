/**
 * When React hydrates a page it sets each filled-in text box back to the text it came with (an input
 * keeps what was typed; a textarea does not). On a slow connection a reader can correct a mission or a
 * consultation's summary before the page's scripts have run, and the correction would be silently
 * undone and the old text sent. The typed text is kept just before hydration and put back after it.
 */
let typed: Array<[HTMLTextAreaElement, string]> = [];

/** Called just before hydration: remembers every text box whose text is no longer the one it came with. */
export function keepTypedText() {
  typed = Array.from(document.querySelectorAll("textarea"))
    .filter((box) => box.value !== box.defaultValue)
    .map((box) => [box, box.value]);
}

/** Called once the page is hydrated: puts back what hydration undid, and nothing a script has changed since. */
export function restoreTypedText() {
  for (const [box, value] of typed) {
    if (box.isConnected && box.value === box.defaultValue) box.value = value;
  }
  typed = [];
}
