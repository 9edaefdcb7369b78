import { describe, expect, it } from "vitest";
import { parseSocialDelivery, SocialEventInvalid } from "./socialEvent.js";
import { authorFlags } from "./influence.js";

const event = {
  id: "1864000000000000001",
  kind: "mention",
  threadId: "1864000000000000000",
  createdAt: "2026-12-03T10:00:00Z",
  text: "@palier_help ma commande n'est jamais arrivée",
  author: { id: "42", handle: "marie_d", name: "Marie D.", verified: false, followers: 120, bio: "Lyon" },
};

function problem(body: unknown): string {
  try {
    parseSocialDelivery(body);
  } catch (error) {
    if (error instanceof SocialEventInvalid) return error.path;
    throw error;
  }
  throw new Error("accepted");
}

describe("parseSocialDelivery", () => {
  it("reads a delivery, with the handle given its @ and the instant as a Date", () => {
    const delivery = parseSocialDelivery({ deliveryId: "d1", events: [event] });
    expect(delivery.deliveryId).toBe("d1");
    expect(delivery.events[0]).toMatchObject({ kind: "mention", threadId: "1864000000000000000", author: { handle: "@marie_d", followers: 120 } });
    expect(delivery.events[0]?.createdAt.toISOString()).toBe("2026-12-03T10:00:00.000Z");
  });

  it("threads a message without a thread id on itself, and defaults the optional profile fields", () => {
    const { threadId, author, ...rest } = event;
    const delivery = parseSocialDelivery({ deliveryId: "d1", events: [{ ...rest, author: { id: "7", handle: "@jan" } }] });
    expect(delivery.events[0]).toMatchObject({ threadId: event.id, author: { handle: "@jan", name: "@jan", verified: false, followers: 0, bio: "" } });
    expect(threadId && author).toBeTruthy();
  });

  it("names the field that is wrong", () => {
    expect(problem([])).toBe("body");
    expect(problem({ events: [event] })).toBe("deliveryId");
    expect(problem({ deliveryId: "d", events: [] })).toBe("events");
    expect(problem({ deliveryId: "d", events: [{ ...event, kind: "like" }] })).toBe("events[0].kind");
    expect(problem({ deliveryId: "d", events: [event, { ...event, createdAt: "yesterday" }] })).toBe("events[1].createdAt");
    expect(problem({ deliveryId: "d", events: [{ ...event, author: { ...event.author, handle: " " } }] })).toBe("events[0].author.handle");
    expect(problem({ deliveryId: "d", events: [{ ...event, author: { ...event.author, followers: -1 } }] })).toBe("events[0].author.followers");
    expect(problem({ deliveryId: "d", events: [{ ...event, author: null }] })).toBe("events[0].author");
    expect(problem({ deliveryId: "d", events: [{ ...event, text: 3 }] })).toBe("events[0].text");
  });
});

describe("authorFlags", () => {
  it("flags a verified author and one followed by at least the threshold", () => {
    expect(authorFlags({ verified: true, followers: 10 }, 1000)).toEqual(["verified"]);
    expect(authorFlags({ verified: false, followers: 1000 }, 1000)).toEqual(["influential"]);
    expect(authorFlags({ verified: false, followers: 999 }, 1000)).toEqual([]);
  });
});
