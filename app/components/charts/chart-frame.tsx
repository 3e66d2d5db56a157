import { lazy, Suspense, useEffect, useRef, useState, type CSSProperties, type ReactNode, type RefObject } from "react";

// chart.js is the largest library of the app: a page neither downloads nor runs it before it shows and
// hydrates, only once one of its charts comes near the screen (or the page is printed).
export const Bar = lazy(() => import("./chart-canvas").then((module) => ({ default: module.Bar })));
export const Line = lazy(() => import("./chart-canvas").then((module) => ({ default: module.Line })));

/** True once the element is within a screen's height of being seen, or the page is about to be printed. */
function useNearScreen(element: RefObject<HTMLElement | null>) {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (!target || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        setNear(true);
        observer.disconnect();
      },
      { rootMargin: "100% 0px" },
    );
    observer.observe(target);
    const print = () => setNear(true);
    window.addEventListener("beforeprint", print);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", print);
    };
  }, [element]);
  return near;
}

/**
 * The box a chart is drawn in. The server renders it at the chart's size, so nothing below moves when
 * the chart appears; without JavaScript the stylesheet hides it (the page's table has the same figures).
 */
export function ChartFrame({ className, style, children }: { className?: string; style?: CSSProperties; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const near = useNearScreen(box);
  return (
    <div ref={box} className={className ? `chart ${className}` : "chart"} style={style}>
      {near ? <Suspense fallback={null}>{children}</Suspense> : null}
    </div>
  );
}
