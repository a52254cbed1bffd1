"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const KNOWN_REFUSALS = [
  "invalid_credentials",
  "account_locked",
  "too_many_attempts",
  "email_not_verified",
  "totp_required",
  "invalid_totp",
] as const;

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth.signIn");
  const errors = useTranslations("errors");
  const router = useRouter();
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        code: String(form.get("code") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        router.replace(callbackUrl);
        router.refresh();
        return;
      }
      const code = (KNOWN_REFUSALS as readonly string[]).includes(result?.error ?? "") ? result!.error! : "internal_error";
      if (code === "totp_required") {
        setNeedsCode(true);
        setError(null);
        return;
      }
      if (code === "invalid_totp") setNeedsCode(true);
      setError(errors(code));
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className={needsCode ? "sr-only" : "flex flex-col gap-4"}>
        <Field label={t("email")} name="email" required>
          <Input type="email" autoComplete="username" required />
        </Field>
        <Field label={t("password")} name="password" required>
          <Input type="password" autoComplete="current-password" required />
        </Field>
      </div>
      {needsCode ? (
        <Field label={t("code")} name="code" hint={t("codeHint")} required>
          <Input inputMode="numeric" autoComplete="one-time-code" autoFocus required />
        </Field>
      ) : null}
      <Button type="submit" loading={pending} fullWidth>
        {needsCode ? t("verify") : t("submit")}
      </Button>
    </form>
  );
}
