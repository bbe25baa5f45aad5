import { describe, expect, it } from "vitest";
import { clientAddress, peerAddress } from "@/lib/auth/client-address";
import { edgeStamp, installEdgeStamp } from "@/lib/auth/edge-stamp.js";

/*
 * Issue #22: a server started without the edge (a bare `next start`) believed a client's own
 * x-copydesk-peer header, so the sign-in limits could be dodged by naming a new address each time.
 * The header counts only with this process's edge stamp on the request.
 */
const headersOf = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe("the client's address without the server edge's stamp", () => {
  it("ignores a peer header the client sent, in a process with no edge", () => {
    expect(edgeStamp()).toBeNull();
    const forged = headersOf({ "x-copydesk-peer": "203.0.113.9", "x-forwarded-for": "198.51.100.1" });
    expect(clientAddress(forged, [])).toBe("unknown");
    expect(clientAddress(forged, ["203.0.113.9"])).toBe("unknown");
    expect(peerAddress(forged)).toBeNull();
    // Nor does a made-up stamp help when there is no edge to compare it with.
    expect(clientAddress(headersOf({ "x-copydesk-peer": "127.0.0.1", "x-copydesk-edge": "" }), [])).toBe("unknown");
    expect(peerAddress(headersOf({ "x-copydesk-peer": "127.0.0.1", "x-copydesk-edge": "null" }))).toBeNull();
  });

  it("ignores it when the stamp is not this process's edge's, and believes it when it is", () => {
    const stamp = installEdgeStamp();
    expect(clientAddress(headersOf({ "x-copydesk-peer": "203.0.113.9", "x-copydesk-edge": "guessed" }), [])).toBe("unknown");
    expect(clientAddress(headersOf({ "x-copydesk-peer": "203.0.113.9", "x-copydesk-edge": stamp }), [])).toBe("203.0.113.9");
    expect(peerAddress(headersOf({ "x-copydesk-peer": "::ffff:127.0.0.1", "x-copydesk-edge": stamp }))).toBe("127.0.0.1");
  });
});
