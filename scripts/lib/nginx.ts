import { spawn, execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { ROOT } from "./processes";

export const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((candidate) => existsSync(candidate)) ?? null;

export interface Nginx {
  stop(): Promise<void>;
}

async function start(prefix: string, conf: string): Promise<Nginx> {
  if (!NGINX) throw new Error("nginx is not installed");
  await mkdir(prefix, { recursive: true });
  const file = path.join(prefix, "nginx.conf");
  await writeFile(file, conf);
  execFileSync(NGINX, ["-t", "-q", "-p", prefix, "-c", file], { stdio: "pipe" });
  await new Promise<void>((resolve, reject) => {
    const child = spawn(NGINX, ["-p", prefix, "-c", file], { stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`nginx exited ${code}`))));
  });
  return {
    async stop() {
      const pid = Number((await readFile(path.join(prefix, "nginx.pid"), "utf8").catch(() => "0")).trim());
      if (pid > 0) {
        try {
          process.kill(pid, "SIGQUIT");
        } catch {
          /* already gone */
        }
      }
    },
  };
}

const userLine = () => (process.getuid?.() === 0 ? "user root;" : "");

/** The shipped reader-tier config (deploy/nginx), filled in for this machine. */
export async function startReaderProxy(options: { prefix: string; upstreams: string[]; publicPort: number; refreshPort: number }): Promise<Nginx> {
  const template = await readFile(path.join(ROOT, "deploy/nginx/copydesk.conf.template"), "utf8");
  const conf = template
    .replaceAll("{{UPSTREAM_SERVERS}}", options.upstreams.map((address) => `server ${address};`).join(" "))
    .replaceAll("{{PUBLIC_PORT}}", String(options.publicPort))
    .replaceAll("{{REFRESH_PORT}}", String(options.refreshPort))
    .replaceAll("{{PREFIX}}", options.prefix)
    .replaceAll("{{USER_LINE}}", userLine());
  return start(options.prefix, conf);
}

/** The baseline: nginx serving one saved HTML file from disk, as fast as a static site gets. */
export async function startStaticBaseline(options: { prefix: string; port: number; html: string }): Promise<Nginx> {
  await mkdir(path.join(options.prefix, "www"), { recursive: true });
  await writeFile(path.join(options.prefix, "www", "index.html"), options.html);
  const conf = `${userLine()}
worker_processes auto;
pid ${options.prefix}/nginx.pid;
error_log ${options.prefix}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off; sendfile on; tcp_nopush off; tcp_nodelay on; keepalive_requests 100000;
  types { text/html html; }
  client_body_temp_path ${options.prefix}/client_body; proxy_temp_path ${options.prefix}/proxy_temp;
  fastcgi_temp_path ${options.prefix}/fastcgi_temp; uwsgi_temp_path ${options.prefix}/uwsgi_temp; scgi_temp_path ${options.prefix}/scgi_temp;
  server { listen ${options.port} reuseport; root ${options.prefix}/www; location / { try_files /index.html =404; } }
}`;
  return start(options.prefix, conf);
}
