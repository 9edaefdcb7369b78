// Ids are uuids: a malformed one is answered "not found" before PostgreSQL rejects the cast.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the form of a uuid (any version, any case). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
