import { spawn, type ChildProcess } from "node:child_process";

/** A cookie jar over fetch: keeps every cookie the server sets, sends them all back. */
export class HttpSession {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1));
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  /** next-auth's credentials flow: the CSRF token (and its cookie), then the callback that sets the session cookie. */
  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.request("/api/auth/csrf");
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await this.request("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    await response.arrayBuffer();
    if (![...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
      throw new Error(`Sign-in as ${email} set no session cookie (HTTP ${response.status} ${response.headers.get("location") ?? ""})`);
    }
  }
}

/** The production server (`next start`) on `port` over the database at `databaseUrl`, once it answers. */
export async function startProductionServer(port: number, databaseUrl: string): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const baseUrl = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn("npx", ["next", "start", "-p", String(port), "-H", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXTAUTH_URL: baseUrl, PORT: String(port) },
    detached: true,
  });
  let exited = false;
  server.on("exit", () => (exited = true));
  const stop = async () => {
    if (exited || server.pid === undefined) return;
    const gone = new Promise<void>((resolve) => server.once("exit", () => resolve()));
    // npx runs next in a child: the whole process group goes.
    process.kill(-server.pid, "SIGTERM");
    await gone;
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (exited) throw new Error("next start exited before answering");
    try {
      const response = await fetch(`${baseUrl}/sign-in`);
      await response.arrayBuffer();
      if (response.ok) return { baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`next start did not answer on ${baseUrl} within 2 minutes`);
}
