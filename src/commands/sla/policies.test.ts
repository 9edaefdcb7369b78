// The policy store on both databases: unique names, one default, versions, order, references,
// and the recompute jobs that edits queue (a newer one superseding a queued one).

import { beforeAll, expect, it } from "vitest";
import { describeStore } from "../../../test/support/testDatabase.js";
import { createPolicy, reorderPolicies, updatePolicy } from "../../../test/support/commandsOnDb.js";
import type { Db } from "../../store/database.js";
import { agentStore, calendarStore } from "../../store/entities.js";
import { DuplicateError, InvalidReferenceError, NotFoundError, VersionConflictError } from "../../store/errors.js";
import { getJob, listJobs } from "../../store/jobs.js";
import { listPolicyRows, type PolicyFields } from "../../store/sla/policyRows.js";

const T0 = new Date("2026-11-23T09:00:00Z");
const T1 = new Date("2026-11-23T10:00:00Z");

const fields = (name: string, extra: Partial<PolicyFields> = {}): PolicyFields => ({
  name,
  active: true,
  isDefault: false,
  conditions: { all: [{ field: "channel", op: "is", value: "email" }] },
  calendarId: null,
  targets: { normal: { first_response: 60, resolution: 480 } },
  pauseStatuses: ["pending", "on_hold"],
  noteCountsAsResponse: false,
  matrix: { steps: [] },
  ...extra,
});

describeStore("SLA policy store", (get) => {
  let db: Db;
  beforeAll(() => {
    db = get().db;
  });

  it("creates policies one after another, and queues a recompute for an active one", async () => {
    const first = await createPolicy(db, fields("Courriel"), T0);
    const second = await createPolicy(db, fields("Brouillon", { active: false }), T0);
    expect(second.result.position).toBe(first.result.position + 1);
    expect(first.jobId).not.toBeNull();
    expect(second.jobId).toBeNull();
    expect(await getJob(db, first.jobId as string)).toMatchObject({ kind: "recompute", state: "queued", reason: 'policy "Courriel" created' });
  });

  it("refuses a name already taken, whatever its case", async () => {
    await createPolicy(db, fields("Unique"), T0);
    await expect(createPolicy(db, fields("UNIQUE"), T0)).rejects.toThrow(new DuplicateError("name", "is already the name of another SLA policy"));
  });

  it("keeps a single default policy", async () => {
    const standard = await createPolicy(db, fields("Standard", { isDefault: true }), T0);
    await expect(createPolicy(db, fields("Autre défaut", { isDefault: true }), T0)).rejects.toThrow(DuplicateError);
    const other = await createPolicy(db, fields("Pas encore défaut"), T0);
    await expect(updatePolicy(db, other.result.id, { isDefault: true }, T1)).rejects.toThrow(/already the default/);
    await updatePolicy(db, standard.result.id, { isDefault: false }, T1);
    await expect(updatePolicy(db, other.result.id, { isDefault: true }, T1)).resolves.toMatchObject({ result: { isDefault: true } });
  });

  it("checks the version, and changes nothing for unchanged fields", async () => {
    const { result: policy } = await createPolicy(db, fields("Versions"), T0);
    const renamed = await updatePolicy(db, policy.id, { name: "Versions 2" }, T1, 1);
    expect(renamed.result).toMatchObject({ version: 2, updatedAt: T1, name: "Versions 2" });
    expect(renamed.jobId).toBeNull();
    await expect(updatePolicy(db, policy.id, { name: "Versions 3" }, T1, 1)).rejects.toThrow(VersionConflictError);
    const same = await updatePolicy(db, policy.id, { targets: { normal: { resolution: 480, first_response: 60 } } }, T1);
    expect(same).toEqual({ result: renamed.result, jobId: null });
    await expect(updatePolicy(db, "00000000-0000-4000-8000-000000000000", { name: "x" }, T1)).rejects.toThrow(NotFoundError);
  });

  it("queues a recompute when targets change, and a newer job supersedes a queued one", async () => {
    const { result: policy } = await createPolicy(db, fields("Cibles", { active: false }), T0);
    const activated = await updatePolicy(db, policy.id, { active: true }, T1);
    const retargeted = await updatePolicy(db, policy.id, { targets: { normal: { first_response: 30 } } }, T1);
    expect(retargeted.jobId).not.toBeNull();
    expect(await getJob(db, activated.jobId as string)).toMatchObject({ state: "done", error: `superseded by job ${retargeted.jobId}` });
    expect(await getJob(db, retargeted.jobId as string)).toMatchObject({ state: "queued", reason: 'policy "Cibles" changed: targets' });
    const queued = (await listJobs(db, { kind: "recompute" })).filter((j) => j.state === "queued");
    expect(queued.map((j) => j.id)).toEqual([retargeted.jobId]);
  });

  it("names the missing calendar, agent or team by its path", async () => {
    await expect(createPolicy(db, fields("Sans calendrier", { calendarId: "00000000-0000-4000-8000-000000000000" }), T0)).rejects.toThrow(
      new InvalidReferenceError("calendarId", "refers to a calendar that does not exist"),
    );
    const agent = await agentStore.create(db, { name: "Isabelle", email: "isabelle@policy.example" }, T0);
    const matrix = {
      steps: [
        {
          id: "l1",
          kind: "level" as const,
          level: 1,
          offsetMinutes: 0,
          clock: "business" as const,
          recipients: [{ kind: "agent" as const, agentId: agent.id }],
          actions: [],
        },
        {
          id: "l2",
          kind: "level" as const,
          level: 2,
          offsetMinutes: 60,
          clock: "business" as const,
          recipients: [{ kind: "assignee" as const }, { kind: "agent" as const, agentId: "00000000-0000-4000-8000-000000000000" }],
          actions: [],
        },
      ],
    };
    await expect(createPolicy(db, fields("Agent manquant", { matrix }), T0)).rejects.toThrow(
      new InvalidReferenceError("matrix.steps[1].recipients[1].agentId", "refers to an agent that does not exist"),
    );
    const calendar = await calendarStore.create(db, { name: "Bruxelles", spec: { timezone: "Europe/Brussels", hours: { mon: [["09:00", "17:00"]] } } }, T0);
    const ok = await createPolicy(db, fields("Agent présent", { calendarId: calendar.id, matrix: { steps: matrix.steps.slice(0, 1) } }), T0);
    expect(ok.result.calendarId).toBe(calendar.id);
  });

  it("reorders: the listed policies first, the others after in their order", async () => {
    const before = await listPolicyRows(db);
    const last = before.at(-1)!;
    const secondLast = before.at(-2)!;
    const { result, jobId } = await reorderPolicies(db, [last.id, secondLast.id], T1);
    expect(result.map((p) => p.id)).toEqual([last.id, secondLast.id, ...before.slice(0, -2).map((p) => p.id)]);
    expect(result.map((p) => p.position)).toEqual(result.map((_p, i) => i));
    expect(result[0]!.version).toBe(last.version + 1);
    expect(jobId).not.toBeNull();
    const again = await reorderPolicies(db, [last.id, secondLast.id], T1);
    expect(again.jobId).toBeNull();
    await expect(reorderPolicies(db, [last.id, last.id], T1)).rejects.toThrow(new InvalidReferenceError("ids[1]", "is listed twice"));
    await expect(reorderPolicies(db, ["00000000-0000-4000-8000-000000000000"], T1)).rejects.toThrow(
      new InvalidReferenceError("ids[0]", "is not an SLA policy"),
    );
  });
});
