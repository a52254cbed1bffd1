import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { currentTotp } from "@/lib/server/auth/totp";
import { isDemoEmail } from "../seed/demo-accounts";
import type { OpsCommand } from "./command";

export const totpCommand: OpsCommand = {
  name: "totp",
  usage: "totp EMAIL",
  summary: "Print the current 2FA code of a demo user (demo accounts only)",
  needsDatabase: true,
  async run([email]) {
    if (!email) {
      console.error("Usage: npm run ops -- totp EMAIL");
      return 1;
    }
    if (!isDemoEmail(email)) {
      console.error("Refused: codes are printed for demo accounts only.");
      return 1;
    }
    const [user] = await db().select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    if (!user?.totpSecret || !user.totpEnabledAt) {
      console.error(`${email} has no 2FA enrolled.`);
      return 1;
    }
    console.log(currentTotp(user.totpSecret));
    return 0;
  },
};
