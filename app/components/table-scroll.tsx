import { createContext, useContext, useId, type ComponentPropsWithoutRef, type ReactNode } from "react";

const CaptionId = createContext<string | undefined>(undefined);

/**
 * A table that may be wider than the screen: it scrolls sideways inside this region, never the page,
 * with its first column kept in view. The region can take the keyboard's focus, so it can be scrolled
 * with the arrow keys, and it is named by its table's `<TableCaption>` (so a screen reader hears the
 * name once, not the region's and then the caption's), or by `label` for a table without a caption.
 * `captionId` names the caption where a generated id cannot be used (inside `<KeptHtml>`).
 */
export function TableScroll({ label, captionId: givenId, children }: { label?: string; captionId?: string; children: ReactNode }) {
  const generatedId = useId();
  const captionId = givenId ?? generatedId;
  return (
    <CaptionId.Provider value={captionId}>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must be reachable by keyboard */}
      <div className="table-scroll" role="region" aria-label={label} aria-labelledby={label ? undefined : captionId} tabIndex={0}>
        {children}
      </div>
    </CaptionId.Provider>
  );
}

/** The caption of the table in a `TableScroll`, which also names the scrolling region. */
export function TableCaption(props: ComponentPropsWithoutRef<"caption">) {
  return <caption {...props} id={useContext(CaptionId)} />;
}
