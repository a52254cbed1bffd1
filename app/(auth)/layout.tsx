import type { ReactNode } from "react";
import { AuthLayout } from "@/components/shell/auth-layout";

export default function SignedOutLayout({ children }: { children: ReactNode }) {
  return (
    <AuthLayout>
      <div className="flex flex-col gap-5">{children}</div>
    </AuthLayout>
  );
}
