// A native modal dialog with a title: focus stays inside, Escape cancels. The editors' questions
// (unsaved edits, an edit's impact, a rule acting on many tickets) are asked in it.

import { type ReactNode, useEffect, useId, useRef } from "react";

export function Modal({ title, onCancel, children, className }: { title: string; onCancel(): void; children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `editor-dialog ${className}` : "editor-dialog"}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}
