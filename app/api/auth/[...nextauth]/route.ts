import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth/next-auth-options";

// next-auth's own endpoints: sign-in runs through lib/server/auth/sign-in (throttling, 2FA, history, audit of events).
const handler = NextAuth(authOptions);
export { handler as GET, handler as POST };
