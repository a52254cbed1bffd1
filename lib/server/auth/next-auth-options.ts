import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { clientIp, userAgent } from "./request-meta";
import { revokeSession, SESSION_LIFETIME_MS } from "./session";
import { signIn } from "./sign-in";

/**
 * next-auth carries the session in a signed, httpOnly cookie; the cookie holds only the id of a row in
 * `sessions`, which is what makes "sign out everywhere" and step-up possible.
 */
export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_MS / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "password",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, request) {
        if (!credentials?.email || !credentials.password) throw new Error("invalid_credentials");
        const result = await signIn({
          email: credentials.email,
          password: credentials.password,
          code: credentials.code || undefined,
          ip: clientIp(request?.headers),
          userAgent: userAgent(request?.headers),
        });
        if (!result.ok) throw new Error(result.code);
        return { id: result.sessionId };
      },
    }),
  ],
  events: {
    // Signing out ends the session row too, so a copied cookie stops working at once.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sid = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
};
