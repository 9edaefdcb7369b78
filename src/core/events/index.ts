// The typed catalogue of ticket events: kinds and their data, causes as data, the English
// reason kept in the row, and the renderers that say an event in the reader's language.

export { SYSTEM_ACTOR, type Actor } from "./actor.js";
export {
  clockCauseOf,
  policyMatchCause,
  type ChangeCause,
  type ClockCause,
  type EscalationCause,
  type PolicyMatchCause,
  type RuleChangeCause,
} from "./causes.js";
export type {
  ActionSkip,
  ActionType,
  CatchUp,
  EscalationData,
  NoticeChannel,
  ReachedRecipient,
  RecipientSkip,
  StepOutcome,
  StepRef,
  StepSkip,
} from "./escalationData.js";
export { changeReason, clockReason, escalationCause, eventReason, matchReason, outcomeSentence, skipSentence } from "./eventReason.js";
export { legacyChangeCause, legacyClockCause, legacyMatchCause, legacyOutcome } from "./legacyReasons.js";
export type { EventNames, NameKind, RenderOptions } from "./renderContext.js";
export type { MailEventData } from "./mailData.js";
export type { RuleEventData, RuleLimitData, TriageEventData } from "./ruleData.js";
export { predicateSentence } from "./ruleReason.js";
export { renderEvent, type RenderableEvent, type RenderedEvent } from "./renderEvent.js";
export {
  clockChangeData,
  isTicketEventType,
  TICKET_EVENT_TYPES,
  type ChangeData,
  type ClockChangeData,
  type FieldChanges,
  type MessageEventData,
  type NewTicketEvent,
  type SlaData,
  type SlaPolicyData,
  type StoredEscalationData,
  type StoredTicketEvent,
  type StoredTicketEventBody,
  type TicketEventBody,
  type TicketEventType,
  type TicketFieldValues,
} from "./ticketEvent.js";
