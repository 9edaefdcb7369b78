// Errors the store throws; the HTTP edge maps them to statuses (the store knows no HTTP).

/** The entity does not exist (or is not visible to the caller). */
export class NotFoundError extends Error {
  constructor(
    readonly entity: string,
    readonly key: string | number,
  ) {
    super(`${entity} ${key} does not exist`);
    this.name = "NotFoundError";
  }
}

/** The entity changed since the caller read it (optimistic concurrency). */
export class VersionConflictError extends Error {
  constructor(
    readonly entity: string,
    readonly key: string | number,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`${entity} ${key} is at version ${actual}, not ${expected}: it changed since you read it`);
    this.name = "VersionConflictError";
  }
}

/** A field refers to something that does not exist, or breaks a rule; `path` names the field. */
export class InvalidReferenceError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "InvalidReferenceError";
  }
}

/** A unique value is already taken (an e-mail, a name). */
export class DuplicateError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "DuplicateError";
  }
}
