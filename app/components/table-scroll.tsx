import type { ReactNode } from "react";

/**
 * A table that may be wider than the screen: it scrolls sideways inside this region, never the page,
 * with its first column kept in view. The region is named (`label`, or the element `labelledBy`
 * points to, such as the table's caption) and can take the keyboard's focus, so it can be scrolled
 * with the arrow keys.
 */
export function TableScroll({ label, labelledBy, children }: { label?: string; labelledBy?: string; children: ReactNode }) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard
    <div className="table-scroll" role="region" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
