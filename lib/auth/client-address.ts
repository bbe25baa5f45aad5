import { env } from "@/lib/env";

/**
 * The header our start script stamps on every request with the address of
 * the connection's other end (scripts/server-edge.mjs); a client cannot set
 * it, because the stamp overwrites whatever came in.
 */
export const PEER_HEADER = "x-copydesk-peer";

const plain = (address: string) => address.trim().replace(/^::ffff:/, "");

/**
 * Who is asking: the connection's peer, unless that peer is a proxy named in
 * TRUSTED_PROXIES — then the hop it recorded in X-Forwarded-For, walking
 * right to left past every trusted proxy. With no trusted proxies (the
 * default) X-Forwarded-For is ignored: anyone can write it.
 */
export function clientAddress(header: (name: string) => string | null | undefined, trusted: readonly string[] = env().TRUSTED_PROXIES): string {
  const peer = header(PEER_HEADER);
  if (!peer) return "unknown";
  let address = plain(peer);
  const hops = (header("x-forwarded-for") ?? "").split(",").map(plain).filter(Boolean);
  while (trusted.includes(address) && hops.length > 0) address = hops.pop()!;
  return address;
}
