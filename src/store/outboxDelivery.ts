// Transitional: `pgTextArray` now lives in src/store/sql/pgArray.ts; the SLA store modules that
// still import it from here move to that path, and this file goes with them.

export { pgTextArray } from "./sql/pgArray.js";
