import { expect, it } from "vitest";
import { signedExpiry, verifiedExpiry } from "@/lib/reader/cache";

it("takes only fresh expiry requests signed with the app secret: a captured one cannot be replayed later", () => {
  const now = Date.now();
  const { body, signature } = signedExpiry(["timeline"], ["/"], now);
  expect(verifiedExpiry(body, signature, now + 1_000)).toEqual({ tags: ["timeline"], paths: ["/"] });
  expect(verifiedExpiry(body, signature, now + 31_000)).toBeNull();
  expect(verifiedExpiry(body, signature.replace(/.$/, (c) => (c === "0" ? "1" : "0")), now)).toBeNull();
  expect(verifiedExpiry(body.replace("timeline", "sections"), signature, now)).toBeNull();
  expect(verifiedExpiry(body, null, now)).toBeNull();
  const unsigned = signedExpiry(["timeline"], ["not-a-path"], now);
  expect(verifiedExpiry(unsigned.body, unsigned.signature, now)).toBeNull();
});
