import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/redirects";
import { authenticate } from "./authenticate";
import { clientAddress } from "./client-address";
import { endSession, sessionLifetimes, startSession } from "./sessions";

declare module "next-auth" {
  interface Session {
    userId: string;
    /** the secret of this session's row (lib/auth/sessions.ts) */
    sessionSecret: string | undefined;
  }
  interface User {
    sessionSecret: string;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sessionSecret?: string;
  }
}

const header = (headers: Record<string, string | string[] | undefined> | undefined) => (name: string) => {
  const value = headers?.[name];
  return (Array.isArray(value) ? value.join(",") : value) ?? null;
};

/**
 * next-auth v4 with email + password. The cookie is a JWT that carries only
 * the user id and the secret of a server-side session row; the row, the
 * role and the disabled flag are read from the database on every request
 * (lib/auth/viewer.ts), so signing out or a change there counts on the very
 * next request.
 */
export function authOptions(): NextAuthOptions {
  const production = env().NODE_ENV === "production";
  return {
    secret: env().NEXTAUTH_SECRET,
    // The cookie lives as long as a session may; the row decides whether it still counts (idle and absolute lifetimes).
    session: { strategy: "jwt", maxAge: Math.ceil(sessionLifetimes().maxMs / 1000) },
    useSecureCookies: production,
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          if (!credentials?.email || !credentials.password) return null;
          const headers = header(request?.headers);
          const address = clientAddress(headers);
          try {
            const user = await authenticate(db(), { email: credentials.email, password: credentials.password, address });
            const sessionSecret = await startSession(user.id, { userAgent: headers("user-agent") ?? "", address });
            return { id: user.id, sessionSecret };
          } catch (error) {
            // next-auth hands an Error's message to the sign-in form as `error` ("RATE_LIMITED:42": wait 42 s).
            if (error instanceof AppError) throw new Error(error.code === "RATE_LIMITED" ? `${error.code}:${String(error.details?.retryAfter)}` : error.code);
            throw error;
          }
        },
      }),
    ],
    events: {
      // Signing out ends the session row, so a copy of the cookie kept elsewhere stops working too.
      async signOut({ token }) {
        if (token?.sessionSecret) await endSession(token.sessionSecret);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sessionSecret = user.sessionSecret;
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, userId: token.sub!, sessionSecret: token.sessionSecret };
      },
      redirect({ url, baseUrl }) {
        const target = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${safeRedirectPath(target)}`;
      },
    },
  };
}
