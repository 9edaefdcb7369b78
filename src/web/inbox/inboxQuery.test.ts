// The inbox's address: read with defaults, written without them, checked for what a hand
// misspelt, and turned into API queries.

import { describe, expect, it } from "vitest";
import { addressProblems, apiQuery, inboxHref, OPEN_STATUSES, readInboxQuery, withoutFilters } from "./inboxQuery.js";

const read = (search: string, landing?: Parameters<typeof readInboxQuery>[1]) => readInboxQuery(new URLSearchParams(search), landing);

describe("the inbox's address", () => {
  it("opens on the landing view, unsolved tickets, recently updated first", () => {
    expect(read("")).toEqual({
      view: "mine",
      status: "",
      priority: "",
      channel: "",
      team: "",
      tag: "",
      frustrated: "",
      alarm: "",
      q: "",
      sort: "updated_desc",
    });
    expect(read("", { view: "all", status: "any" })).toMatchObject({ view: "all", status: "any" });
    // A view in the address wins over the landing, and takes the default status.
    expect(read("view=team", { view: "all", status: "any" })).toMatchObject({ view: "team", status: "" });
  });

  it("sorts the breaching view by due time unless told otherwise", () => {
    expect(read("view=breaching").sort).toBe("due_asc");
    expect(read("view=breaching&sort=created_desc").sort).toBe("created_desc");
    expect(inboxHref(read("view=breaching"))).toBe("/?view=breaching");
    expect(inboxHref({ ...read("view=breaching"), sort: "updated_desc" })).toBe("/?view=breaching&sort=updated_desc");
  });

  it("round-trips through the address, leaving defaults out", () => {
    const query = read("view=all&status=any&priority=high&q=facture%20mars&sort=created_asc");
    const href = inboxHref(query);
    expect(href).toBe("/?view=all&status=any&priority=high&q=facture+mars&sort=created_asc");
    expect(read(href.slice(2))).toEqual(query);
    expect(inboxHref(read(""))).toBe("/?view=mine");
    // The open statuses written out are the default.
    expect(read(`view=all&status=${OPEN_STATUSES}`).status).toBe("");
  });

  it("names what it does not understand, and leaves it out", () => {
    const search = new URLSearchParams("status=bogus&priority=xx&sort=zzz&view=everything&channel=phone&team=42&q=ok&colour=red");
    expect(addressProblems(search)).toEqual([
      { name: "status", value: "bogus" },
      { name: "priority", value: "xx" },
      { name: "sort", value: "zzz" },
      { name: "view", value: "everything" },
      { name: "team", value: "42" },
    ]);
    expect(readInboxQuery(search)).toEqual({
      view: "mine",
      status: "",
      priority: "",
      channel: "phone",
      team: "",
      tag: "",
      frustrated: "",
      alarm: "",
      q: "ok",
      sort: "updated_desc",
    });
    expect(addressProblems(new URLSearchParams("view=all&status=new,pending&priority=high,urgent&sort=due_asc"))).toEqual([]);
  });

  it("asks the API for unsolved tickets by default, every status when told, and the sort", () => {
    const query = read("view=team&channel=phone&q=%20box%20&sort=number_desc");
    expect(apiQuery(query, 50)).toEqual({
      view: "team",
      status: OPEN_STATUSES,
      priority: "",
      channel: "phone",
      team: "",
      tag: "",
      frustrated: "",
      alarm: "",
      q: "box",
      sort: "number",
      order: "desc",
      limit: 50,
    });
    expect(apiQuery(read("view=mine&status=any"), 25)).toMatchObject({ status: "", sort: "updated_at", order: "desc" });
    expect(apiQuery(read("view=mine&status=solved,closed"), 25)).toMatchObject({ status: "solved,closed" });
    expect(apiQuery(read("view=breaching"), 25)).toMatchObject({ view: "breaching", sort: "due", order: "asc" });
  });

  it("keeps the triage filters in the address and asks the API for them", () => {
    const query = read("view=all&frustrated=true&alarm=legal,money");
    expect(query).toMatchObject({ frustrated: "true", alarm: "legal,money" });
    expect(inboxHref(query)).toBe("/?view=all&frustrated=true&alarm=legal%2Cmoney");
    expect(apiQuery(query, 25)).toMatchObject({ frustrated: "true", alarm: "legal,money" });
    expect(addressProblems(new URLSearchParams("frustrated=maybe&alarm=legal,lawsuit"))).toEqual([
      { name: "frustrated", value: "maybe" },
      { name: "alarm", value: "legal,lawsuit" },
    ]);
    expect(withoutFilters(query)).toMatchObject({ frustrated: "", alarm: "" });
  });
});
