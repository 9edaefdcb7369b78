// Runs a ticket command so that a database error names the field it concerns (a broken
// reference, a malformed id) instead of reaching the caller as a raw driver error.

import { ticketWriteError } from "../../store/tickets/ticketRows.js";

/** `command`'s result, or its error with database errors translated (see ticketWriteError). */
export async function withNamedErrors<T>(command: () => Promise<T>): Promise<T> {
  try {
    return await command();
  } catch (error) {
    throw ticketWriteError(error);
  }
}
