import { describe, expect, it } from "vitest";
import { isPrivateAddress, webhookUrl } from "@/lib/webhooks/address";
import { signature } from "@/lib/webhooks/send";

/* Issue #25, item 3: which addresses WEBHOOK_DENY_PRIVATE refuses, which URLs an admin may register, and the signature's form. */
describe("private addresses", () => {
  it("are loopback, private, link-local, carrier-grade NAT, multicast and unspecified — in IPv4, IPv6 and IPv4-mapped IPv6", () => {
    for (const address of ["127.0.0.1", "127.255.255.254", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:a9fe:a9fe"]) {
      expect(isPrivateAddress(address), address).toBe(true);
    }
  });

  it("are not public addresses, nor names", () => {
    for (const address of ["93.184.215.14", "8.8.8.8", "172.32.0.1", "172.15.255.255", "192.169.0.1", "100.128.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "example.com", ""]) {
      expect(isPrivateAddress(address), address).toBe(false);
    }
  });
});

describe("a webhook URL", () => {
  it("is any http(s) address, loopback included", () => {
    for (const url of ["http://127.0.0.1:8080/hook", "https://partner.example/copydesk?x=1", "http://[::1]:9000/", "HTTPS://Partner.Example/Hook"]) expect(() => webhookUrl(url), url).not.toThrow();
    expect(webhookUrl("HTTPS://Partner.Example/Hook").href).toBe("https://partner.example/Hook");
  });

  it("is refused with the field named when it is not http(s), has credentials or no host", () => {
    for (const url of ["ftp://example.com/x", "javascript:alert(1)", "data:text/plain,x", "file:///etc/passwd", "example.com/x", "/relative", "http://user@example.com/", "https://user:pw@example.com/", "http://", `https://example.com/${"a".repeat(2_000)}`]) {
      expect(() => webhookUrl(url), url).toThrow(expect.objectContaining({ code: "VALIDATION", details: { field: "url" } }));
    }
  });
});

it("the signature is sha256= and the hex HMAC-SHA256 of the raw body", () => {
  // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
  expect(signature("Jefe", "what do ya want for nothing?")).toBe("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
});
