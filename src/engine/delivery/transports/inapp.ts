// The in-app transport: the batch's `inapp` rows become their agents' notifications in one
// transaction (see ../inapp.ts).

import { deliverInapp } from "../inapp.js";
import type { TransportFactory } from "./transport.js";

export const inappTransport: TransportFactory = ({ db }) => ({
  kind: "inapp",
  mode: "batch",
  deliver: (rows, now) => deliverInapp(db, rows, now),
});
