import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { safeRedirectPath } from "@/lib/redirects";
import { authenticate } from "./authenticate";

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
  }
  interface User {
    sessionVersion: number;
  }
}
declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion: number;
  }
}

/** The client's address: the nearest hop our own proxy (or Next) recorded. */
function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded.join(",") : forwarded;
  return value?.split(",").at(-1)?.trim() || "unknown";
}

/**
 * next-auth v4 with email + password. The session is a JWT that carries only
 * the user id and the session version; role, disabled flag and version are
 * read from the database on every request (lib/auth/viewer.ts), so a change
 * there counts on the very next request.
 */
export function authOptions(): NextAuthOptions {
  const production = env().NODE_ENV === "production";
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    useSecureCookies: production,
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          if (!credentials?.email || !credentials.password) return null;
          try {
            const user = await authenticate(db(), {
              email: credentials.email,
              password: credentials.password,
              address: clientAddress(request?.headers),
            });
            return { id: user.id, sessionVersion: user.sessionVersion };
          } catch (error) {
            // next-auth hands an Error's message to the sign-in form as `error`.
            if (error instanceof AppError) throw new Error(error.code);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) token.sessionVersion = user.sessionVersion;
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, userId: token.sub!, sessionVersion: token.sessionVersion };
      },
      redirect({ url, baseUrl }) {
        const target = url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url;
        return `${baseUrl}${safeRedirectPath(target)}`;
      },
    },
  };
}
