import dns from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError } from "@/lib/errors";

/**
 * Where a webhook may point. Admins are trusted with the URL (issue #25):
 * any http(s) address, loopback included, because tests and on-premises
 * receivers live there. A hosted set-up sets WEBHOOK_DENY_PRIVATE=true and
 * then no delivery reaches the machine's own network: the address is checked
 * when saved, and again — the one that counts — on the IP a delivery
 * actually connects to, so a name that resolves elsewhere later (DNS
 * rebinding) is refused too.
 */
export const MAX_URL_LENGTH = 2_000;

const invalid = (message: string) => new AppError("VALIDATION", `url: ${message}`, { field: "url" });

/** The URL as stored (normalized by WHATWG URL), or a 400 saying what is wrong with it. */
export function webhookUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid("must be an absolute http:// or https:// address.");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw invalid(`must be an http:// or https:// address, not ${url.protocol}`);
  // A password in the URL would be shown to every admin and logged by proxies; the signature is the credential.
  if (url.username || url.password) throw invalid("must not carry a user name or password; the signature authenticates each delivery.");
  if (!url.hostname) throw invalid("must name a host.");
  if (url.href.length > MAX_URL_LENGTH) throw invalid(`must be at most ${MAX_URL_LENGTH} characters.`);
  return url;
}

/** Private (RFC 1918, unique local), loopback, link-local, carrier-grade NAT, multicast and unspecified ranges. */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) PRIVATE.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 127], // :: and ::1
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) PRIVATE.addSubnet(network, prefix, "ipv6");

/** True for an address no hosted webhook may reach (IPv4-mapped IPv6 is judged as its IPv4 address). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return PRIVATE.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The host of a URL as an IP literal (brackets removed), or null for a name. */
const literalAddress = (hostname: string): string | null => {
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
};

const SAVE_LOOKUP_MS = 3_000;

const isLocalName = (hostname: string) => hostname === "localhost" || hostname.endsWith(".localhost");

/**
 * When saving with WEBHOOK_DENY_PRIVATE: refuses a private literal, a
 * localhost name, or a name that resolves (now) to a private address. A name
 * that does not resolve yet is accepted — the check at delivery refuses it
 * if it ever resolves to a private address.
 */
export async function refusePrivateUrl(url: URL): Promise<void> {
  const refuse = (why: string) => invalid(`${why}; this server only delivers to public addresses (WEBHOOK_DENY_PRIVATE).`);
  const literal = literalAddress(url.hostname);
  if (literal !== null) {
    if (isPrivateAddress(literal)) throw refuse(`${literal} is a private, loopback or link-local address`);
    return;
  }
  if (isLocalName(url.hostname)) throw refuse(`${url.hostname} is this machine`);
  // A resolver that does not answer must not hold the admin's request: after a few seconds the name counts as unresolved.
  const timeout = new Promise<[]>((resolve) => setTimeout(() => resolve([]), SAVE_LOOKUP_MS).unref());
  const addresses = await Promise.race([dns.promises.lookup(url.hostname, { all: true }).catch(() => [] as []), timeout]);
  const found = addresses.find((entry) => isPrivateAddress(entry.address));
  if (found) throw refuse(`${url.hostname} resolves to ${found.address}, a private, loopback or link-local address`);
}

/** Thrown at delivery for an address refused by WEBHOOK_DENY_PRIVATE. */
export class PrivateAddressError extends Error {
  override name = "PrivateAddressError";
}

/** Before connecting to a literal address (no lookup happens for those): refused when private. */
export function assertDeliverable(url: URL): void {
  const literal = literalAddress(url.hostname);
  if (literal !== null && isPrivateAddress(literal)) throw new PrivateAddressError(`${literal} is a private, loopback or link-local address (WEBHOOK_DENY_PRIVATE)`);
}

/**
 * The lookup a delivery connects with under WEBHOOK_DENY_PRIVATE: the
 * addresses it would connect to are checked here, at connection time, so the
 * IP judged is the IP used.
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const found = addresses.find((entry) => isPrivateAddress(entry.address));
    if (found) return callback(new PrivateAddressError(`${hostname} resolves to ${found.address}, a private, loopback or link-local address (WEBHOOK_DENY_PRIVATE)`), []);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), []);
    callback(null, first.address, first.family);
  });
};
