// A screen's heading: sets the document title, and takes the focus when the screen opens so
// screen-reader and keyboard users start from it.

import { useEffect, useRef, type ReactNode } from "react";

export function PageTitle({ title, children }: { title: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);
  useEffect(() => {
    document.title = `${title} · Palier`;
  }, [title]);
  return (
    <h1 ref={heading} tabIndex={-1} className="page-title">
      {children ?? title}
    </h1>
  );
}
