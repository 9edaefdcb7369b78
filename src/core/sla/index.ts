// SLA policies, clocks and the escalation matrix: pure functions, time passed in.
export * from "./clocks.js";
export * from "./conditions.js";
export * from "./matrix.js";
export * from "./policy.js";
