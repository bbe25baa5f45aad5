// Preloaded into `next start` and `next dev` (node --import): stamps every request with the address of the
// connection's other end, which Next does not pass to route handlers. Overwrites any value a client sent.
// lib/auth/client-address.ts reads it. Plain JavaScript: it runs before anything is compiled.
import http from "node:http";

const PEER_HEADER = "x-copydesk-peer";
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, ...rest) {
  if (event === "request" && request?.headers) request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
  return emit.call(this, event, request, ...rest);
};
