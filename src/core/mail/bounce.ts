// What a bounce says: which recipient failed, its status code and the server's diagnostic,
// read from the delivery-status fields (RFC 3464) or, for reports without them, from the
// X-Failed-Recipients header and the first status code in the text.

/** The failed delivery a bounce reports. `status` is an RFC 3463 code such as "5.1.1", when given. */
export interface Bounce {
  recipient: string | null;
  status: string | null;
  diagnostic: string | null;
}

/** Header-style fields of a delivery-status body, continuation lines joined, names in lower case. */
function fieldsOf(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last !== undefined) {
      fields.set(last, `${fields.get(last) ?? ""} ${line.trim()}`);
      continue;
    }
    const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (!match) {
      last = undefined;
      continue;
    }
    last = (match[1] as string).toLowerCase();
    // The first recipient's block counts: later blocks do not overwrite it.
    if (!fields.has(last)) fields.set(last, (match[2] as string).trim());
    else last = undefined;
  }
  return fields;
}

/** "rfc822; alex@example.com" → "alex@example.com". */
function addressOf(field: string | undefined): string | null {
  if (field === undefined) return null;
  const value = field.includes(";") ? field.slice(field.indexOf(";") + 1) : field;
  const address = value.trim().replace(/^<|>$/g, "");
  return address === "" ? null : address;
}

const STATUS = /\b([245]\.\d{1,3}\.\d{1,3})\b/;

/**
 * The bounce reported by `deliveryStatus` (the text of a message/delivery-status part; null
 * when the message has none), else by `failedRecipients` and the first status code in `text`.
 */
export function readBounce(input: { deliveryStatus: string | null; failedRecipients: string | null; text: string }): Bounce {
  const fields = fieldsOf(input.deliveryStatus ?? "");
  const status = fields.get("status");
  const diagnostic = fields.get("diagnostic-code");
  // What the report's fields leave out, the header and the text may say.
  return {
    recipient: addressOf(fields.get("final-recipient") ?? fields.get("original-recipient")) ?? (input.failedRecipients?.split(",")[0]?.trim() || null),
    status: status !== undefined ? (STATUS.exec(status)?.[1] ?? status) : (STATUS.exec(input.text)?.[1] ?? null),
    diagnostic: diagnostic !== undefined ? diagnostic.replace(/^[a-z-]+;\s*/i, "") : null,
  };
}
