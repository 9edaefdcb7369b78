// A phone call as an agent logs it (docs/phone.md): which way, which number, how long, how it
// ended, and whether it counts as a response to the customer (an answered outbound call, when the
// SLA policy says so), checked as a named error naming the field.

/** In: the customer called; out: an agent called the customer. */
export const CALL_DIRECTIONS = ["in", "out"] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export const CALL_OUTCOMES = ["answered", "no_answer", "voicemail", "busy", "failed"] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/** A day: no call logged is longer. */
export const MAX_CALL_SECONDS = 86_400;

/** A call to log. */
export interface CallInput {
  direction: CallDirection;
  number: string;
  durationSeconds: number;
  outcome: CallOutcome;
  notes?: string | undefined;
}

/** The data of a `call` event. */
export interface CallEventData {
  callId: string;
  direction: CallDirection;
  number: string;
  durationSeconds: number;
  outcome: CallOutcome;
  /** It reached the customer from an agent: a response when the policy counts calls. */
  answers: boolean;
  /** The policy in force counted it as a response. */
  countedAsResponse: boolean;
}

/** A call that cannot be logged; `path` names the field. */
export class CallInvalid extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = "CallInvalid";
  }
}

/**
 * The number as stored: spaces, dots, dashes and brackets dropped, a leading `00` read as `+`;
 * CallInvalid unless what is left is 3 to 20 digits, with an optional leading `+`.
 */
export function normalizePhoneNumber(raw: string): string {
  const compact = raw.trim().replace(/[\s.\-()/]/g, "");
  const international = compact.startsWith("00") ? `+${compact.slice(2)}` : compact;
  if (!/^\+?\d{3,20}$/.test(international)) throw new CallInvalid("number", "must be a phone number: 3 to 20 digits, with an optional leading +");
  return international;
}

/** The call checked and normalised; CallInvalid naming the first field that is wrong. */
export function checkCall(input: CallInput): CallInput & { notes: string } {
  if (!(CALL_DIRECTIONS as readonly string[]).includes(input.direction)) throw new CallInvalid("direction", `must be one of ${CALL_DIRECTIONS.join(", ")}`);
  if (!(CALL_OUTCOMES as readonly string[]).includes(input.outcome)) throw new CallInvalid("outcome", `must be one of ${CALL_OUTCOMES.join(", ")}`);
  if (!Number.isInteger(input.durationSeconds) || input.durationSeconds < 0 || input.durationSeconds > MAX_CALL_SECONDS)
    throw new CallInvalid("durationSeconds", `must be a whole number of seconds from 0 to ${MAX_CALL_SECONDS}`);
  if (input.outcome !== "answered" && input.durationSeconds > 0 && input.outcome !== "voicemail")
    throw new CallInvalid("durationSeconds", "a call nobody answered lasts 0 seconds");
  return { ...input, number: normalizePhoneNumber(input.number), notes: (input.notes ?? "").trim() };
}

/** Whether the call reached the customer from an agent: an answered outbound call. */
export function callAnswersCustomer(call: Pick<CallInput, "direction" | "outcome">): boolean {
  return call.direction === "out" && call.outcome === "answered";
}
