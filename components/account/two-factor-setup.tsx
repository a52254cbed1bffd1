"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { confirmTotpEnrollment, disableTotp, regenerateRecoveryCodes, startTotpEnrollment } from "@/app/actions/account";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Enrollment = { secret: string; uri: string; qrDataUrl: string };

/** Shown once; the page only re-renders (and drops them) when the user says they are saved. */
function RecoveryCodes({ codes, onSaved }: { codes: string[]; onSaved: () => void }) {
  const t = useTranslations("account.twoFactor");
  return (
    <Alert tone="warning" title={t("recoveryTitle")}>
      <p>{t("recoveryHint")}</p>
      <ul className="mt-2 grid grid-cols-2 gap-1 font-mono text-sm" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <Button className="mt-3" size="sm" variant="secondary" onClick={onSaved}>
        {t("savedCodes")}
      </Button>
    </Alert>
  );
}

export function TwoFactorEnrollment() {
  const t = useTranslations("account.twoFactor");
  const router = useRouter();
  const [enrollment, setEnrollment] = useState<Enrollment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  if (codes) return <RecoveryCodes codes={codes} onSaved={() => router.refresh()} />;
  if (!enrollment) {
    return (
      <ActionForm action={startTotpEnrollment} onSuccess={setEnrollment} refresh={false}>
        <p className="text-sm text-slate-700">{t("offIntro")}</p>
        <SubmitButton>{t("start")}</SubmitButton>
      </ActionForm>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <p className="text-sm text-slate-700">{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL generated on the server */}
      <img src={enrollment.qrDataUrl} alt={t("qrAlt")} width={220} height={220} className="rounded border border-slate-200" />
      <p className="text-sm text-slate-700">
        {t("manual")} <code className="select-all break-all rounded bg-slate-100 px-1.5 py-0.5" data-testid="totp-secret">{enrollment.secret}</code>
      </p>
      <ActionForm action={confirmTotpEnrollment} onSuccess={(data) => setCodes(data.recoveryCodes)} refresh={false} className="flex flex-row flex-wrap items-end gap-3">
        <FormField label={t("code")} name="code" className="w-44">
          <Input inputMode="numeric" autoComplete="one-time-code" />
        </FormField>
        <SubmitButton>{t("confirm")}</SubmitButton>
      </ActionForm>
    </div>
  );
}

export function TwoFactorManagement() {
  const t = useTranslations("account.twoFactor");
  const [codes, setCodes] = useState<string[] | null>(null);
  return (
    <div className="flex flex-col gap-6">
      {codes ? <RecoveryCodes codes={codes} onSaved={() => setCodes(null)} /> : null}
      <ActionForm action={regenerateRecoveryCodes} onSuccess={(data) => setCodes(data.recoveryCodes)} refresh={false} resetOnSuccess className="flex flex-row flex-wrap items-end gap-3">
        <FormField label={t("code")} name="code" className="w-44" hint={t("regenerateHint")}>
          <Input inputMode="numeric" autoComplete="one-time-code" />
        </FormField>
        <SubmitButton variant="secondary">{t("regenerate")}</SubmitButton>
      </ActionForm>
      <ActionForm action={disableTotp} resetOnSuccess className="flex flex-row flex-wrap items-end gap-3">
        <FormField label={t("code")} name="code" className="w-44" hint={t("disableHint")}>
          <Input inputMode="numeric" autoComplete="one-time-code" />
        </FormField>
        <SubmitButton variant="danger">{t("disable")}</SubmitButton>
      </ActionForm>
    </div>
  );
}
