import { describe, expect, it } from "vitest";
import { ApiError } from "../api/client.js";
import { issueKind, localIssues } from "./fieldIssues.js";

describe("the server's field messages in the reader's words", () => {
  it("recognises what each validation message means", () => {
    expect(issueKind("is required")).toBe("required");
    expect(issueKind("must not have fewer than 1 characters")).toBe("required");
    expect(issueKind("must not have more than 200 characters")).toBe("tooLong");
    expect(issueKind('must match format "email"')).toBe("email");
    expect(issueKind('must match format "hostname"')).toBe("domain");
    expect(issueKind('must match pattern "^[a-z0-9_-]+$"')).toBe("pattern");
    expect(issueKind("must not have duplicate items")).toBe("repeated");
    expect(issueKind("team 0000 does not exist")).toBe("reference");
    expect(issueKind("something new")).toBe("invalid");
  });

  it("says an e-mail already in use is taken, whatever the server's words", () => {
    const error = new ApiError(409, "duplicate", "email: already used", [{ path: "email", message: "already used" }]);
    expect(localIssues(error, (kind, path) => `${path}:${kind}`)).toEqual([{ path: "email", message: "email:taken" }]);
  });

  it("keeps the paths of array items, so a list field can show them", () => {
    const error = new ApiError(400, "invalid_request", "x", [{ path: "domains[1]", message: 'must match format "hostname"' }]);
    expect(localIssues(error, (kind) => kind)).toEqual([{ path: "domains[1]", message: "domain" }]);
  });

  it("prefers the detail's stable code when the server gives one", () => {
    const error = new ApiError(400, "invalid_request", "x", [{ path: "segment", message: "n'importe quoi", code: "wrong_format" }]);
    expect(localIssues(error, (kind) => kind)).toEqual([{ path: "segment", message: "pattern" }]);
  });
});
