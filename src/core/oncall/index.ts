// On-call schedules: their shape, validation, who is on call at an instant and the final schedule over a span.

export * from "./schedule.js";
export * from "./scheduleSpec.js";
export * from "./onCall.js";
export * from "./handoffs.js";
