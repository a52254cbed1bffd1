import Link from "next/link";
import { Alert } from "@/components/ui/alert";

/** Says why an action is out of reach until 2FA is on, with the way to turn it on. */
export function TwoFactorRequired({ message, linkLabel }: { message: string; linkLabel: string }) {
  return (
    <Alert tone="warning">
      {message}{" "}
      <Link href="/account/security" className="font-medium underline">
        {linkLabel}
      </Link>
    </Alert>
  );
}
