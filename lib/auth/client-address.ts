import { env } from "@/lib/env";
import { PEER_HEADER, stampedPeer } from "./edge-stamp.js";

/**
 * The header the server edge (scripts/server-edge.mjs) writes on every
 * request with the address of the connection's other end. A client may send
 * one too: it counts only when this process's edge stamped the request
 * (lib/auth/edge-stamp.js), so a server started without the edge believes
 * no client's word for its own address.
 */
export { PEER_HEADER };

const plain = (address: string) => address.trim().replace(/^::ffff:/, "");

/** The connection's peer as the edge recorded it, or null when the request did not pass through the edge. */
export const peerAddress = (header: (name: string) => string | null | undefined): string | null => {
  const peer = stampedPeer(header);
  return peer === null ? null : plain(peer);
};

/**
 * Who is asking: the connection's peer, unless that peer is a proxy named in
 * TRUSTED_PROXIES — then the hop it recorded in X-Forwarded-For, walking
 * right to left past every trusted proxy. With no trusted proxies (the
 * default) X-Forwarded-For is ignored: anyone can write it. Without the
 * edge's stamp, "unknown" (one shared bucket for the sign-in limits).
 */
export function clientAddress(header: (name: string) => string | null | undefined, trusted: readonly string[] = env().TRUSTED_PROXIES): string {
  let address = peerAddress(header);
  if (!address) return "unknown";
  const hops = (header("x-forwarded-for") ?? "").split(",").map(plain).filter(Boolean);
  while (trusted.includes(address) && hops.length > 0) address = hops.pop()!;
  return address;
}
