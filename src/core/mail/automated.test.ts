// Which mail a machine sent: bounces, Palier's own mail come back, auto-replies by header,
// subject or an out-of-office opening in French, Dutch and English, lists and bulk mail; and
// the person who merely mentions being out of office is not one.
import { describe, expect, it } from "vitest";
import { classifyAutomated, type AutomatedInput } from "./automated.js";

function input(headers: Record<string, string | string[]>, rest: Partial<AutomatedInput> = {}): AutomatedInput {
  const map = new Map<string, string[]>(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value : [value]]));
  return { headers: map, from: "marie@example.be", subject: "Ma commande", text: "Bonjour, où en est ma commande ?", hasDeliveryStatus: false, ...rest };
}

describe("classifyAutomated", () => {
  it("says a person wrote a message without any mark of a machine", () => {
    expect(classifyAutomated(input({}))).toBeNull();
    expect(classifyAutomated(input({ "auto-submitted": "no", precedence: "never-bounce" }))).toBeNull();
  });

  it("recognises delivery-status reports by structure, header, or a null sender's subject", () => {
    expect(classifyAutomated(input({ "content-type": 'multipart/report; report-type="delivery-status"; boundary=x' }))?.kind).toBe("bounce");
    expect(classifyAutomated(input({}, { hasDeliveryStatus: true }))).toEqual({ kind: "bounce", reason: "a message/delivery-status part" });
    expect(classifyAutomated(input({ "x-failed-recipients": "alex@example.com" }))?.reason).toBe("x-failed-recipients: alex@example.com");
    expect(classifyAutomated(input({ "return-path": "<>" }, { subject: "Undelivered Mail Returned to Sender" }))?.kind).toBe("bounce");
    expect(classifyAutomated(input({}, { from: "mailer-daemon@example.org", subject: "Returned mail: User unknown" }))?.kind).toBe("bounce");
    // The same subject from a person is a person's.
    expect(classifyAutomated(input({}, { subject: "Returned mail: can you help?" }))).toBeNull();
  });

  it("recognises Palier's own mail come back, by sender or by its X-Loop marker", () => {
    expect(classifyAutomated(input({}, { from: "support@palier.example", ownAddresses: ["Support@Palier.example"] }))).toEqual({
      kind: "loop",
      reason: "from: support@palier.example is this workspace's own address",
    });
    expect(classifyAutomated(input({ "x-loop": "support@palier.example" }, { ownAddresses: ["support@palier.example"] }))?.kind).toBe("loop");
    expect(classifyAutomated(input({ "x-loop": "someone-else@example.org" }, { ownAddresses: ["support@palier.example"] }))).toBeNull();
  });

  it("recognises auto-replies by RFC 3834 and the vendors' headers", () => {
    expect(classifyAutomated(input({ "auto-submitted": "auto-replied" }))).toEqual({ kind: "auto_reply", reason: "auto-submitted: auto-replied" });
    expect(classifyAutomated(input({ "x-autoreply": "yes" }))?.kind).toBe("auto_reply");
    expect(classifyAutomated(input({ "x-autorespond": "Out of office" }))?.kind).toBe("auto_reply");
    expect(classifyAutomated(input({ precedence: "auto_reply" }))?.kind).toBe("auto_reply");
  });

  it("recognises out-of-office replies by subject and by their opening in three languages", () => {
    for (const subject of [
      "Réponse automatique : Ma commande",
      "Automatisch antwoord: Bestelling",
      "Automatic reply: Order",
      "Out of Office: order",
      "Afwezig: bestelling",
    ]) {
      expect(classifyAutomated(input({}, { subject }))?.kind, subject).toBe("auto_reply");
    }
    for (const text of [
      "Bonjour,\nJe suis absente du bureau jusqu'au 4 janvier.",
      "Je serai absent jusqu'au lundi 6.",
      "Goedemiddag, ik ben afwezig tot en met 3 januari.",
      "Hello, I am out of the office until Monday with limited access to e-mail.",
    ]) {
      expect(classifyAutomated(input({}, { text }))?.kind, text).toBe("auto_reply");
    }
  });

  it("leaves a person who mentions an absence late in a long message alone", () => {
    const long = `${"Voici le détail de ma commande et des échanges précédents. ".repeat(12)}Je suis absent la semaine prochaine, merci de répondre vite.`;
    expect(classifyAutomated(input({}, { text: long }))).toBeNull();
    expect(classifyAutomated(input({}, { text: "Ma collègue m'a dit : « ik ben afwezig »." }))).toBeNull();
  });

  it("recognises lists and bulk mail", () => {
    expect(classifyAutomated(input({ "list-id": "<users.lists.example.org>" }))).toEqual({ kind: "list", reason: "list-id: <users.lists.example.org>" });
    expect(classifyAutomated(input({ precedence: "list" }))?.kind).toBe("list");
    expect(classifyAutomated(input({ precedence: ["never-bounce", "bulk"] }))).toEqual({ kind: "bulk", reason: "precedence: bulk" });
    expect(classifyAutomated(input({ precedence: "junk" }))?.kind).toBe("bulk");
  });

  it("puts a bounce before an auto-reply when a message carries both marks", () => {
    expect(classifyAutomated(input({ "auto-submitted": "auto-replied", "x-failed-recipients": "a@b.c" }))?.kind).toBe("bounce");
  });
});
