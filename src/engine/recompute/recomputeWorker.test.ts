// The recompute worker on both databases, driven through the API: a policy edit moves the due
// times of the open tickets (and leaves solved ones alone) in batches, its progress reaches
// done = total, the API answers between batches, a newer job supersedes a running one, and a
// batch whose bulk write fails goes ticket by ticket, noting the failing one on the job.

import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type ApiHarness, openApi } from "../../../test/api/harness.js";
import { describeStore } from "../../../test/support/testDatabase.js";
import { getJob } from "../../store/jobs.js";
import { updateTicket } from "../../../test/support/commandsOnDb.js";
import { buildCustomer, buildTicket } from "../../../test/support/factories.js";
import { ticketClocks } from "../../store/sla/ticketClockViews.js";
import { startRecomputeWorker } from "./recomputeWorker.js";

const MINUTE = 60_000;

interface JobJson {
  id: string;
  state: string;
  done: number;
  total: number;
  error: string | null;
}

describeStore("recompute worker", (get) => {
  let api: ApiHarness;
  let policyId: string;
  const open: number[] = [];
  const solved: number[] = [];

  beforeAll(async () => {
    api = await openApi(get());
    const policy = await api.call<{ id: string }>("manager", "POST", "/api/v1/sla-policies", {
      body: { name: "Standard 24/7", isDefault: true, targets: { normal: { first_response: 60, resolution: 480 } } },
    });
    expect(policy.status, JSON.stringify(policy.json)).toBe(201);
    policyId = policy.json.id;
    const { db, clock } = api;
    const customer = await buildCustomer(db, { now: clock.now() });
    for (let i = 0; i < 25; i++) {
      const { ticket } = await buildTicket(db, { now: clock.now(), actor: { type: "system" }, customerId: customer.id });
      if (i % 8 === 0) {
        await updateTicket(db, { now: clock.now(), actor: { type: "system" }, number: ticket.number, changes: { status: "solved" } });
        solved.push(ticket.number);
      } else open.push(ticket.number);
      clock.advance(MINUTE);
    }
  }, 60_000);
  afterAll(() => api.close());

  const firstResponseDue = async (number: number) =>
    (await ticketClocks(api.db, number, api.clock.now())).find((c) => c.target === "first_response")?.dueAt?.getTime();

  it("moves the due times of every open ticket in batches, leaves solved ones alone, and reaches done = total", async () => {
    const created = (await ticketClocks(api.db, open[0] as number, api.clock.now()))[0]!.startedAt.getTime();
    expect(await firstResponseDue(open[0] as number)).toBe(created + 60 * MINUTE);
    const solvedBefore = await Promise.all(solved.map((n) => ticketClocks(api.db, n, api.clock.now())));

    const edit = await api.call<{ jobId: string }>("manager", "PATCH", `/api/v1/sla-policies/${policyId}`, {
      body: { targets: { normal: { first_response: 30, resolution: 480 } } },
    });
    expect(edit.status).toBe(200);
    const jobId = edit.json.jobId;
    expect((await api.call<JobJson>("viewer", "GET", `/api/v1/jobs/${jobId}`)).json).toMatchObject({ state: "queued", done: 0 });

    const seen: JobJson[] = [];
    const worker = startRecomputeWorker({
      database: get(),
      clock: api.clock,
      batchSize: 10,
      pollMs: 60_000,
      afterBatch: async () => {
        // Between batches the API answers, and shows the job half done.
        const job = await api.call<JobJson>("viewer", "GET", `/api/v1/jobs/${jobId}`);
        const list = await api.call<{ total: number }>("agent", "GET", "/api/v1/tickets?view=all");
        expect(list.status).toBe(200);
        seen.push(job.json);
      },
    });
    try {
      await worker.runOnce();
    } finally {
      await worker.stop();
    }
    expect(seen.map((j) => [j.state, j.done, j.total])).toEqual([
      ["running", 10, open.length],
      ["running", 20, open.length],
    ]);
    const job = await api.call<JobJson>("viewer", "GET", `/api/v1/jobs/${jobId}`);
    expect(job.json).toMatchObject({ state: "done", done: open.length, total: open.length, error: null });

    for (const number of open) {
      const clock = (await ticketClocks(api.db, number, api.clock.now())).find((c) => c.target === "first_response")!;
      expect(clock.dueAt!.getTime()).toBe(clock.startedAt.getTime() + 30 * MINUTE);
    }
    expect(await Promise.all(solved.map((n) => ticketClocks(api.db, n, api.clock.now())))).toEqual(solvedBefore);
  });

  it("lets a newer job supersede the one running, which stops at its next batch", async () => {
    const first = await api.call<{ jobId: string }>("manager", "PATCH", `/api/v1/sla-policies/${policyId}`, {
      body: { targets: { normal: { first_response: 45, resolution: 480 } } },
    });
    let second: string | undefined;
    const worker = startRecomputeWorker({
      database: get(),
      clock: api.clock,
      batchSize: 10,
      pollMs: 60_000,
      afterBatch: async ({ jobId }) => {
        if (jobId !== first.json.jobId || second) return;
        const edit = await api.call<{ jobId: string }>("manager", "PATCH", `/api/v1/sla-policies/${policyId}`, {
          body: { targets: { normal: { first_response: 20, resolution: 480 } } },
        });
        second = edit.json.jobId;
      },
    });
    try {
      await worker.runOnce();
      await worker.runOnce();
    } finally {
      await worker.stop();
    }
    expect(await getJob(api.db, first.json.jobId)).toMatchObject({ state: "done", done: 10, error: `superseded by job ${second}` });
    expect(await getJob(api.db, second as string)).toMatchObject({ state: "done", done: open.length, total: open.length });
    const clock = (await ticketClocks(api.db, open.at(-1) as number, api.clock.now())).find((c) => c.target === "first_response")!;
    expect(clock.dueAt!.getTime()).toBe(clock.startedAt.getTime() + 20 * MINUTE);
  });

  it("recomputes a batch whose bulk write fails ticket by ticket: the failing ticket is noted on the job, the others are done", async () => {
    const failing = open[3] as number;
    await api.db.execute(
      sql.raw(`create function refuse_clock() returns trigger language plpgsql as $$ begin
        if new.ticket_number = ${failing} then raise exception 'clock refused'; end if; return new; end $$`),
    );
    await api.db.execute(sql.raw("create trigger refuse_clock before insert or update on sla_clocks for each row execute function refuse_clock()"));
    const errors: string[] = [];
    try {
      const edit = await api.call<{ jobId: string }>("manager", "PATCH", `/api/v1/sla-policies/${policyId}`, {
        body: { targets: { normal: { first_response: 25, resolution: 480 } } },
      });
      const worker = startRecomputeWorker({ database: get(), clock: api.clock, batchSize: 10, pollMs: 60_000, onError: (error) => errors.push(error.message) });
      try {
        await worker.runOnce();
      } finally {
        await worker.stop();
      }
      // The store's error names the failed statement; what the trigger refused is its cause.
      expect(await getJob(api.db, edit.json.jobId)).toMatchObject({
        state: "done",
        done: open.length,
        error: expect.stringMatching(new RegExp(`^1 ticket\\(s\\) could not be recomputed: #${failing}: `)),
      });
      expect(errors).toEqual([
        expect.stringMatching(/^the batch after #\d+ is recomputed ticket by ticket: /),
        expect.stringMatching(new RegExp(`^ticket #${failing} was not recomputed: `)),
      ]);
      for (const number of open) {
        const clock = (await ticketClocks(api.db, number, api.clock.now())).find((c) => c.target === "first_response")!;
        expect(clock.dueAt!.getTime()).toBe(clock.startedAt.getTime() + (number === failing ? 20 : 25) * MINUTE);
      }
    } finally {
      await api.db.execute(sql.raw("drop trigger refuse_clock on sla_clocks"));
      await api.db.execute(sql.raw("drop function refuse_clock()"));
    }
  });

  it("lists the recompute jobs, latest first, to whoever may read SLA settings", async () => {
    const list = await api.call<{ items: JobJson[] }>("viewer", "GET", "/api/v1/jobs?kind=recompute&limit=2");
    expect(list.status).toBe(200);
    expect(list.json.items).toHaveLength(2);
    expect(list.json.items.every((j) => j.state === "done")).toBe(true);
    expect((await api.call("agent", "GET", `/api/v1/jobs/${list.json.items[0]!.id}`)).status).toBe(200);
    expect((await api.call("agent", "GET", "/api/v1/jobs/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    const customer = await api.signInCustomer("Curieux", "curieux@example.org");
    expect((await api.call(customer, "GET", "/api/v1/jobs")).status).toBe(403);
  });
});
