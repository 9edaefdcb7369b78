// Who a ticket is for when the caller names a person rather than a customer record: the
// customer with that e-mail address, or a new one made from it (as an integration or a channel
// does for someone who is not a customer yet). In the caller's unit of work, so that a ticket
// that fails leaves no customer behind.

import type { Language } from "../../core/ticket/ticket.js";
import { DuplicateError } from "../../store/errors.js";
import { customerByEmail, customerStore } from "../../store/entities.js";
import { inSavepoint, type Work } from "../work.js";

/** A person asking: their address, and what to call them and in which language if they are new. */
export interface Requester {
  email: string;
  /** Used only for a new customer; default: the address's local part ("marie.dubois"). */
  name?: string | undefined;
  /** Used only for a new customer. */
  language?: Language | null | undefined;
}

/**
 * The id of the customer for `requester`: found by e-mail (case-insensitive; their name and
 * language are left as they are) or created. Two calls racing for one new address both get the
 * one customer.
 */
export async function customerForRequester(work: Work, requester: Requester): Promise<{ customerId: string; created: boolean }> {
  const email = requester.email.trim();
  const found = await customerByEmail(work.tx, email);
  if (found) return { customerId: found.id, created: false };
  try {
    const created = await inSavepoint(work, (inner) =>
      customerStore.create(
        inner.tx,
        { name: requester.name?.trim() || (email.split("@")[0] as string), email, language: requester.language ?? null },
        inner.now,
      ),
    );
    return { customerId: created.id, created: true };
  } catch (error) {
    // Another transaction created them meanwhile: theirs is the one.
    if (!(error instanceof DuplicateError)) throw error;
    const now = await customerByEmail(work.tx, email);
    if (!now) throw error;
    return { customerId: now.id, created: false };
  }
}
