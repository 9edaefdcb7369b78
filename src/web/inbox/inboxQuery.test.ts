// The inbox's address: read with defaults, written without them, and turned into API queries.

import { describe, expect, it } from "vitest";
import { apiQuery, inboxHref, readInboxQuery, UNSOLVED } from "./inboxQuery.js";

describe("the inbox's address", () => {
  it("reads defaults from an empty query and ignores unknown views and sorts", () => {
    expect(readInboxQuery(new URLSearchParams(""))).toEqual({
      view: "mine",
      status: "",
      priority: "",
      channel: "",
      team: "",
      tag: "",
      q: "",
      sort: "updated_desc",
    });
    expect(readInboxQuery(new URLSearchParams("view=everything&sort=random"))).toMatchObject({ view: "mine", sort: "updated_desc" });
  });

  it("round-trips through the address, leaving defaults out", () => {
    const query = readInboxQuery(new URLSearchParams(`view=all&status=${UNSOLVED}&priority=high&q=facture%20mars&sort=created_asc`));
    const href = inboxHref(query);
    expect(href).toBe("/?view=all&status=new%2Copen%2Cpending%2Con_hold&priority=high&q=facture+mars&sort=created_asc");
    expect(readInboxQuery(new URLSearchParams(href.slice(2)))).toEqual(query);
    expect(inboxHref(readInboxQuery(new URLSearchParams("")))).toBe("/");
  });

  it("asks the API for the view, the filters and the sort", () => {
    const query = readInboxQuery(new URLSearchParams("view=team&channel=phone&q=%20box%20&sort=number_desc"));
    expect(apiQuery(query, 50)).toEqual({
      view: "team",
      status: "",
      priority: "",
      channel: "phone",
      team: "",
      tag: "",
      q: "box",
      sort: "number",
      order: "desc",
      limit: 50,
    });
    expect(apiQuery(readInboxQuery(new URLSearchParams("")), 25)).toMatchObject({ sort: "updated_at", order: "desc" });
    expect(apiQuery(readInboxQuery(new URLSearchParams("view=breaching&sort=due_asc")), 25)).toMatchObject({ view: "breaching", sort: "due", order: "asc" });
  });
});
