// Unsaved edits are not lost by accident: while a form differs from what was loaded or saved, a
// navigation inside the app waits for the person's answer (useBlocker) and leaving the page
// (reload, close, another site) asks the browser's own question (beforeunload).

import { useCallback, useEffect, useRef } from "react";
import { useBlocker, type Blocker } from "react-router";

export interface UnsavedEdits {
  /** "blocked" while a navigation waits for the answer: `proceed()` lets it go, `reset()` stays. */
  blocker: Blocker;
  /** Lets the next navigation go (a save moving to the new item's address before `dirty` is re-read). */
  allowNext(): void;
}

/**
 * Holds navigations while `dirty`. A navigation that only changes the query (the `?job=` a save
 * adds) is never held.
 */
export function useUnsavedEdits(dirty: boolean): UnsavedEdits {
  const allowed = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => {
    if (allowed.current) {
      allowed.current = false;
      return false;
    }
    return dirty && currentLocation.pathname !== nextLocation.pathname;
  });
  const allowNext = useCallback(() => {
    allowed.current = true;
  }, []);
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need a return value to ask.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);
  // Saved meanwhile (or the edit undone): a held navigation may go.
  useEffect(() => {
    if (!dirty && blocker.state === "blocked") blocker.proceed();
  }, [dirty, blocker]);
  return { blocker, allowNext };
}
