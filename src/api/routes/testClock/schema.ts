// The JSON of the server's clock and of moving it.

import { Type } from "typebox";

export const ClockAnswer = Type.Object(
  { now: Type.String({ format: "date-time" }), manual: Type.Boolean({ description: "true when the server runs with PALIER_CLOCK=manual" }) },
  { additionalProperties: false },
);

export const MoveClockBody = Type.Object(
  {
    advance: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: "an ISO 8601 duration: PT30M, P1DT2H, PT45S" })),
    set: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "an ISO 8601 instant with an offset, not before the current one" })),
  },
  { additionalProperties: false },
);
