// Triage signals of customer messages: language, frustration with its reasons, alarm words.

export * from "./signals.js";
export { triage, TRIAGE_MAX_CHARS, type TriageOptions } from "./triage.js";
export { compileAlarms, DEFAULT_ALARMS, findAlarms, withAlarms, type CompiledAlarms } from "./alarms.js";
export { detectLanguage } from "./language.js";
export { renderTriageReason } from "./reasons.js";
