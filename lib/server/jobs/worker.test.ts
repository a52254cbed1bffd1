import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/db/client";
import { emailOutbox } from "@/db/schema";
import { queueEmail } from "../email/outbox";
import { startWorker, type RunningWorker } from "./worker";

const delivered: string[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  onData(stream, session, callback) {
    stream.resume();
    stream.on("end", () => {
      delivered.push(...session.envelope.rcptTo.map((r) => r.address));
      callback();
    });
  },
});
let worker: RunningWorker;

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  worker = await startWorker(inject("databaseUrl"));
});

afterAll(async () => {
  await worker.stop();
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describe("job worker", () => {
  it("is woken by a committed email and delivers it through pg-boss without waiting for the cron tick", async () => {
    const address = `w-${randomUUID()}@example.test`;
    await db().transaction((tx) => queueEmail(tx, { to: address, subject: "worker-test", text: "hello" }));
    const started = Date.now();
    while (!delivered.includes(address) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 100));
    expect(delivered).toContain(address);
    const [row] = await db().select().from(emailOutbox).where(eq(emailOutbox.to, address));
    expect(row!.sentAt).not.toBeNull();
  });

  it("sends nothing for a transaction that rolled back", async () => {
    const address = `w-${randomUUID()}@example.test`;
    await db()
      .transaction(async (tx) => {
        await queueEmail(tx, { to: address, subject: "worker-test", text: "never" });
        throw new Error("roll back");
      })
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 3000));
    expect(delivered).not.toContain(address);
    expect(await db().select().from(emailOutbox).where(eq(emailOutbox.to, address))).toHaveLength(0);
  });
});
