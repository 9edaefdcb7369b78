// How a request's status reads to its customer: the team's six statuses fold into what the
// customer can act on (received, in progress, waiting on you, solved, closed).

import type { Status } from "../api/types.js";

export type CustomerStatus = "new" | "working" | "pending" | "solved" | "closed";

/** `open` and `on_hold` are both the team's work in progress: the customer need not tell them apart. */
export function customerStatus(status: Status): CustomerStatus {
  switch (status) {
    case "new":
    case "pending":
    case "solved":
    case "closed":
      return status;
    case "open":
    case "on_hold":
      return "working";
  }
}

/** Whether the customer can still write on the request (a closed one takes no message). */
export function acceptsReplies(status: Status): boolean {
  return status !== "closed";
}

/** Whether the customer's message will reopen the request. */
export function replyReopens(status: Status): boolean {
  return status === "solved";
}
