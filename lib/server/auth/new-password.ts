import { ActionError } from "../guard/action-error";
import { checkPassword, hashPassword } from "./password";

/** Hashes a password the user chose, or refuses it with a message for the `password` field. */
export async function acceptNewPassword(password: string): Promise<string> {
  const problem = checkPassword(password);
  if (problem) throw new ActionError(`password_${problem}`);
  return hashPassword(password);
}
