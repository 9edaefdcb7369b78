// A Dovecot IMAP server of the test's own: its configuration, users and maildirs in a temporary
// directory, listening on a free loopback port with plaintext logins (loopback only), started
// in the foreground and stopped after. No Dovecot (DOVECOT_PATH, default /usr/sbin/dovecot):
// skipped with the reason, but in CI a loud failure (the IMAP tests must run there).

import { spawn, type ChildProcess, execFile } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export function dovecotPath(): string {
  return process.env.DOVECOT_PATH || "/usr/sbin/dovecot";
}

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}

/** Whether the IMAP tests can run; in CI a missing Dovecot throws. */
export function dovecotAvailable(): boolean {
  if (existsSync(dovecotPath())) return true;
  if (isCi()) throw new Error(`IMAP tests: no Dovecot at ${dovecotPath()}. CI must run them: apt-get install -y dovecot-imapd, or set DOVECOT_PATH.`);
  console.warn(`\n[imap] skipped: no Dovecot at ${dovecotPath()} (apt-get install -y dovecot-imapd, or set DOVECOT_PATH)\n`);
  return false;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Dovecot {
  host: string;
  port: number;
  /** Users and their passwords, as given. */
  users: Record<string, string>;
  /** Runs doveadm against this instance (kick, …). */
  doveadm(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`dovecot exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`dovecot did not listen on ${port}: ${log()}`);
}

/** Starts a Dovecot with `users` (name → password), each with an empty INBOX. */
export async function startDovecot(users: Record<string, string>): Promise<Dovecot> {
  const dir = mkdtempSync(join(tmpdir(), "palier-dovecot-"));
  chmodSync(dir, 0o755);
  const mail = join(dir, "mail");
  mkdirSync(mail, { mode: 0o777 });
  chmodSync(mail, 0o777);
  const port = await freePort();
  const uid = process.getuid?.() === 0 ? 65534 : (process.getuid?.() ?? 1000);
  const gid = process.getuid?.() === 0 ? 65534 : (process.getgid?.() ?? 1000);
  writeFileSync(
    join(dir, "users"),
    Object.entries(users)
      .map(([name, password]) => `${name}:{PLAIN}${password}::::::\n`)
      .join(""),
  );
  const conf = join(dir, "dovecot.conf");
  const log = join(dir, "dovecot.log");
  writeFileSync(
    conf,
    `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${log}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${mail}/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = static
  args = uid=${uid} gid=${gid} home=${mail}/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service pop3-login {
  inet_listener pop3 {
    port = 0
  }
  inet_listener pop3s {
    port = 0
  }
}
service submission-login {
  inet_listener submission {
    port = 0
  }
}
service lmtp {
  unix_listener lmtp {
    mode = 0666
  }
}
`,
  );
  mkdirSync(join(dir, "run"));
  mkdirSync(join(dir, "state"));
  const child = spawn(dovecotPath(), ["-c", conf, "-F"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const readLog = () => `${output}${existsSync(log) ? readFileSync(log, "utf8") : ""}`;
  await waitForPort(port, child, readLog);
  const doveadm = async (...args: string[]) => (await run(join(dovecotPath(), "..", "..", "bin", "doveadm"), ["-c", conf, ...args])).stdout;
  return {
    host: "127.0.0.1",
    port,
    users,
    doveadm,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
